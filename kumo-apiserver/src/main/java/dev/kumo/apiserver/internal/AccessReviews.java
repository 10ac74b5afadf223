package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.rbac.PolicyRule;
import dev.kumo.api.rbac.authorizer.Attributes;
import dev.kumo.api.rbac.authorizer.Decision;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.UserInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code authorization.k8s.io/v1}'s reviews, create-only and answered in the returned object's status as Kubernetes
 * does: SelfSubjectAccessReview (may I? — {@code kubectl auth can-i}), SubjectAccessReview (may this user and these
 * groups?), LocalSubjectAccessReview (the same, in the namespace of its path only) and SelfSubjectRulesReview (what
 * may I in this namespace? — {@code kubectl auth can-i --list}).
 */
final class AccessReviews {

    static final String GROUP = "authorization.k8s.io";

    static final String LOCAL = "localsubjectaccessreviews";

    /** The reviews as discovery lists them: create only; all cluster-wide but the local one. */
    static final List<ResourceType> TYPES = List.of(
            review("SelfSubjectAccessReview", "selfsubjectaccessreviews", false),
            review("SubjectAccessReview", "subjectaccessreviews", false),
            review("LocalSubjectAccessReview", LOCAL, true),
            review("SelfSubjectRulesReview", "selfsubjectrulesreviews", false));

    private final RbacAuthorizer authorizer;

    AccessReviews(RbacAuthorizer authorizer) {
        this.authorizer = authorizer;
    }

    private static ResourceType review(String kind, String plural, boolean namespaced) {
        return new ResourceType(GROUP, "v1", kind, plural, plural.substring(0, plural.length() - 1), namespaced,
                false, List.of(), List.of());
    }

    /** Whether {@code segments} address one of the reviews (the local one under {@code namespaces/NS/}). */
    static boolean addresses(List<String> segments) {
        if (segments.size() < 4 || !segments.get(0).equals("apis") || !segments.get(1).equals(GROUP)
                || !segments.get(2).equals("v1")) {
            return false;
        }
        if (segments.size() == 6) {
            return segments.get(3).equals("namespaces") && segments.get(5).equals(LOCAL);
        }
        return segments.size() == 4 && TYPES.stream().anyMatch(t -> !t.namespaced()
                && t.plural().equals(segments.get(3)));
    }

    /** Answers a review posted by {@code caller} to {@code segments} (see {@link #addresses}). */
    Reply serve(ApiRequest request, UserInfo caller, List<String> segments) {
        if (!request.method().equals("POST")) {
            throw ApiHandler.methodNotAllowed(request.method());
        }
        ObjectNode review = RequestBodies.object(request);
        ObjectNode spec = review.withObjectProperty("spec");
        ObjectNode status = Json.object();
        switch (segments.getLast()) {
            case "selfsubjectrulesreviews" -> rules(caller, spec.path("namespace").asText(""), status);
            case "subjectaccessreviews" -> decide(subject(review, spec), attributes(review, spec), status);
            case LOCAL -> decide(subject(review, spec), local(review, spec, segments.get(4)), status);
            default -> decide(caller, attributes(review, spec), status);
        }
        review.put("apiVersion", GROUP + "/v1");
        review.withObjectProperty("metadata");
        review.set("status", status);
        return Reply.Body.json(201, review);
    }

    private void decide(UserInfo user, Attributes attributes, ObjectNode status) {
        Decision decision = authorizer.authorize(user, attributes);
        status.put("allowed", decision.allowed());
        // As Kubernetes' RBAC, a refusal has no reason (kubectl auth can-i prints a bare "no").
        if (decision.allowed() && !decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
    }

    private void rules(UserInfo user, String namespace, ObjectNode status) {
        ArrayNode resourceRules = status.putArray("resourceRules");
        ArrayNode nonResourceRules = status.putArray("nonResourceRules");
        for (PolicyRule rule : authorizer.rulesFor(user, namespace)) {
            if (rule.nonResourceURLs().isEmpty()) {
                ObjectNode entry = resourceRules.addObject();
                entry.set("verbs", Json.mapper().valueToTree(rule.verbs()));
                entry.set("apiGroups", Json.mapper().valueToTree(rule.apiGroups()));
                entry.set("resources", Json.mapper().valueToTree(rule.resources()));
                if (!rule.resourceNames().isEmpty()) {
                    entry.set("resourceNames", Json.mapper().valueToTree(rule.resourceNames()));
                }
            } else {
                ObjectNode entry = nonResourceRules.addObject();
                entry.set("verbs", Json.mapper().valueToTree(rule.verbs()));
                entry.set("nonResourceURLs", Json.mapper().valueToTree(rule.nonResourceURLs()));
            }
        }
        status.put("incomplete", false);
    }

    /** A SubjectAccessReview's user and groups, as given (Kubernetes adds none). */
    private static UserInfo subject(ObjectNode review, ObjectNode spec) {
        String user = spec.path("user").asText("");
        List<String> groups = new ArrayList<>();
        spec.path("groups").forEach(g -> groups.add(g.asText()));
        if (user.isEmpty() && groups.isEmpty()) {
            throw invalid(review, FieldError.invalid("spec.user,spec.groups", "",
                    "at least one of user or group must be specified"));
        }
        return new UserInfo(user, groups);
    }

    private static Attributes attributes(ObjectNode review, ObjectNode spec) {
        JsonNode resource = spec.path("resourceAttributes");
        JsonNode nonResource = spec.path("nonResourceAttributes");
        if (resource.isObject() == nonResource.isObject()) {
            throw invalid(review, FieldError.invalid("spec.resourceAttributes", resource.isObject() ? "…" : "null",
                    "exactly one of nonResourceAttributes or resourceAttributes must be specified"));
        }
        if (nonResource.isObject()) {
            return new Attributes.NonResource(nonResource.path("verb").asText(""), nonResource.path("path").asText(""));
        }
        return new Attributes.Resource(resource.path("verb").asText(""), resource.path("group").asText(""),
                resource.path("resource").asText(""), resource.path("subresource").asText(""),
                resource.path("name").asText(""), resource.path("namespace").asText(""));
    }

    /**
     * A LocalSubjectAccessReview's attributes: as Kubernetes, its resource's namespace must be its path's (left
     * empty, it is), and it cannot ask about a non-resource URL.
     */
    private static Attributes local(ObjectNode review, ObjectNode spec, String namespace) {
        JsonNode resource = spec.path("resourceAttributes");
        if (resource.isObject() && resource.path("namespace").asText("").isEmpty()) {
            ((ObjectNode) resource).put("namespace", namespace);
        }
        if (resource.isObject() && !resource.path("namespace").asText().equals(namespace)) {
            throw invalid(review, FieldError.invalid("spec.resourceAttributes.namespace",
                    resource.path("namespace").asText(), "must match metadata.namespace, the namespace of the "
                            + "request's path (" + namespace + ")"));
        }
        if (spec.path("nonResourceAttributes").isObject()) {
            throw invalid(review, FieldError.invalid("spec.nonResourceAttributes", "…", "disallowed on this kind "
                    + "of request: ask about non-resource URLs with a SubjectAccessReview"));
        }
        review.withObjectProperty("metadata").put("namespace", namespace);
        return attributes(review, spec);
    }

    private static ApiException invalid(ObjectNode review, FieldError error) {
        return ApiException.invalid(review.path("kind").asText("SelfSubjectAccessReview"), "", List.of(error));
    }
}

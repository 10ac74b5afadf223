package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.codec.Json;
import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleBinding;
import dev.kumo.api.rbac.RoleBinding;
import dev.kumo.api.rbac.RoleRef;
import dev.kumo.api.rbac.PolicyRule;
import dev.kumo.api.rbac.Role;
import dev.kumo.api.rbac.authorizer.Attributes;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.RbacPolicy;
import dev.kumo.api.rbac.authorizer.UserInfo;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' escalation check of a RoleBinding or ClusterRoleBinding written (created, updated or patched) by a user
 * other than the admin: the user needs {@code bind} on the referenced role, or must already hold every rule of it
 * where the binding applies (its namespace; cluster-wide for a ClusterRoleBinding). Otherwise binding a role would
 * grant what one lacks. A patch refers to the role its body names (server-side apply, a merge patch), else to the
 * stored binding's.
 */
record BindingEscalation(RbacAuthorizer authorizer, RbacPolicy policy) {

    /** Throws Kubernetes' 403 when {@code user}'s {@code http} request creates or updates a binding that escalates. */
    void check(UserInfo user, ApiRequest http, List<String> segments) {
        Optional<Attributes.Resource> write = rbacWrite(http, segments, "rolebindings", "clusterrolebindings");
        if (write.isEmpty()) {
            return;
        }
        Attributes.Resource request = write.get();
        String namespace = request.resource().equals("rolebindings") ? request.namespace() : "";
        JsonNode body = request.verb().equals("patch") ? patched(http, request, namespace)
                : RequestBodies.object(http);
        if (body.isMissingNode()) {
            return; // a patch of a binding that does not exist: answered 404 by the patch itself
        }
        String kind = body.at("/roleRef/kind").asText("");
        String name = body.at("/roleRef/name").asText("");
        String roles = kind.equals("ClusterRole") ? "clusterroles" : "roles";
        Attributes.Resource bind = new Attributes.Resource("bind", ResourceTypes.RBAC_GROUP, roles, "", name,
                namespace);
        if (authorizer.authorize(user, bind).allowed()) {
            return;
        }
        Optional<List<PolicyRule>> rules = kind.equals("ClusterRole")
                ? policy.clusterRole(name).map(ClusterRole::rulesOrEmpty)
                : policy.role(namespace, name).map(Role::rulesOrEmpty);
        if (rules.isPresent() && holds(authorizer, user, rules.get(), namespace)) {
            return;
        }
        String qualified = request.resource() + "." + ResourceTypes.RBAC_GROUP;
        String object = request.name().isEmpty() ? body.at("/metadata/name").asText("") : request.name();
        throw new ApiException(StatusReason.Forbidden, qualified + " \"" + object + "\" is forbidden: user \""
                + user.name() + "\" is attempting to grant RBAC permissions not currently held; it needs \"bind\" on "
                + roles + " \"" + name + "\" or every rule of it", request.resource(), object, List.of());
    }

    /** What the patch binds: its own roleRef when it names one, else the stored binding's (missing: none stored). */
    private JsonNode patched(ApiRequest http, Attributes.Resource request, String namespace) {
        JsonNode patch = http.contentType().equals("application/apply-patch+yaml") ? RequestBodies.object(http)
                : RequestBodies.json(http);
        if (patch.isObject() && patch.has("roleRef")) {
            return patch;
        }
        Optional<RoleRef> stored = request.resource().equals("rolebindings")
                ? policy.roleBindings(namespace).stream().filter(b -> b.metadata().name().equals(request.name()))
                        .map(RoleBinding::roleRef).findFirst()
                : policy.clusterRoleBindings().stream().filter(b -> b.metadata().name().equals(request.name()))
                        .map(ClusterRoleBinding::roleRef).findFirst();
        return stored.<JsonNode>map(ref -> Json.object().set("roleRef", Json.toTree(ref)))
                .orElse(com.fasterxml.jackson.databind.node.MissingNode.getInstance());
    }

    /** The request as a create, update or patch of one of {@code resources} of rbac.authorization.k8s.io. */
    static Optional<Attributes.Resource> rbacWrite(ApiRequest http, List<String> segments, String... resources) {
        if (!(RequestAttributes.of(http, segments) instanceof Attributes.Resource request)
                || !request.apiGroup().equals(ResourceTypes.RBAC_GROUP) || !request.subresource().isEmpty()
                || !List.of(resources).contains(request.resource())
                || !List.of("create", "update", "patch").contains(request.verb())) {
            return Optional.empty();
        }
        return Optional.of(request);
    }

    /** Whether {@code user} may already do everything each of {@code rules} allows in {@code namespace}. */
    static boolean holds(RbacAuthorizer authorizer, UserInfo user, List<PolicyRule> rules, String namespace) {
        return rules.stream().allMatch(rule -> held(authorizer, user, rule, namespace));
    }

    private static boolean held(RbacAuthorizer authorizer, UserInfo user, PolicyRule rule, String namespace) {
        for (String verb : rule.verbs()) {
            for (String url : rule.nonResourceURLs()) {
                if (!authorizer.authorize(user, new Attributes.NonResource(verb, url)).allowed()) {
                    return false;
                }
            }
            for (String group : rule.apiGroups()) {
                for (String resource : rule.resources()) {
                    List<String> names = rule.resourceNames().isEmpty() ? List.of("") : rule.resourceNames();
                    for (String name : names) {
                        if (!authorizer.authorize(user, new Attributes.Resource(verb, group, resource, "", name,
                                namespace)).allowed()) {
                            return false;
                        }
                    }
                }
            }
        }
        return true;
    }
}

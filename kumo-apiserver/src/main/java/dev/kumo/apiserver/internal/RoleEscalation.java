package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.PolicyRule;
import dev.kumo.api.rbac.authorizer.Attributes;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.RbacPolicy;
import dev.kumo.api.rbac.authorizer.UserInfo;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' escalation check of a Role or ClusterRole written (created, updated or patched) by a user other than
 * the admin: unless it has {@code escalate} on the role, the user must already hold every rule the role will grant
 * (in the Role's namespace; cluster-wide for a ClusterRole), and setting or changing a ClusterRole's
 * {@code aggregationRule} — which can gather any role's rules — needs full authority ({@code *} on {@code *}).
 * Otherwise one could widen a role bound to oneself. A write that leaves the rules as stored grants nothing new.
 * A patch is checked by the object it leaves.
 */
record RoleEscalation(RbacAuthorizer authorizer, RbacPolicy policy) {

    /** What Kubernetes calls full authority: every verb on everything, and every URL. */
    private static final List<PolicyRule> FULL_AUTHORITY = List.of(
            PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")), PolicyRule.urls(List.of("*"), List.of("*")));

    /** Throws Kubernetes' 403 when {@code user}'s {@code http} request creates or updates a role that escalates. */
    void check(UserInfo user, ApiRequest http, List<String> segments) {
        Optional<Attributes.Resource> write = BindingEscalation.rbacWrite(http, segments, "roles", "clusterroles");
        if (write.isEmpty()) {
            return;
        }
        Attributes.Resource request = write.get();
        boolean cluster = request.resource().equals("clusterroles");
        String namespace = cluster ? "" : request.namespace();
        Optional<ObjectNode> stored = request.name().isEmpty() ? Optional.empty()
                : (cluster ? policy.clusterRole(request.name()).map(Json::toTree)
                        : policy.role(namespace, request.name()).map(Json::toTree));
        JsonNode written = request.verb().equals("patch") ? patched(http, stored) : RequestBodies.object(http);
        if (written.isMissingNode()) {
            return; // a patch of a role that does not exist: answered 404 by the patch itself
        }
        String name = request.name().isEmpty() ? written.at("/metadata/name").asText("") : request.name();
        if (authorizer.authorize(user, new Attributes.Resource("escalate", ResourceTypes.RBAC_GROUP,
                request.resource(), "", name, namespace)).allowed()) {
            return;
        }
        JsonNode before = stored.<JsonNode>map(o -> o).orElse(MissingNode.getInstance());
        List<PolicyRule> rules = rules(written);
        if (!rules.equals(rules(before)) && !BindingEscalation.holds(authorizer, user, rules, namespace)) {
            throw forbidden(request, name, "user \"" + user.name() + "\" is attempting to grant RBAC permissions not "
                    + "currently held; it needs \"escalate\" on " + request.resource() + " \"" + name
                    + "\" or every rule it grants");
        }
        ClusterRole.AggregationRule aggregation = aggregationRule(written);
        if (cluster && aggregation != null && !aggregation.equals(aggregationRule(before))
                && !BindingEscalation.holds(authorizer, user, FULL_AUTHORITY, "")) {
            throw forbidden(request, name, "must have cluster-admin privileges to use the aggregationRule");
        }
    }

    /** The role a patch leaves: the stored one patched, or the applied body when none is stored (missing: 404). */
    private static JsonNode patched(ApiRequest http, Optional<ObjectNode> stored) {
        boolean apply = http.contentType().equals("application/apply-patch+yaml");
        JsonNode patch = apply ? RequestBodies.object(http) : RequestBodies.json(http);
        if (stored.isPresent()) {
            return Patches.patched(http.contentType(), stored.get(), patch);
        }
        return apply ? patch : MissingNode.getInstance();
    }

    private static ClusterRole.AggregationRule aggregationRule(JsonNode role) {
        JsonNode rule = role.path("aggregationRule");
        return rule.isObject() ? Json.mapper().convertValue(rule, ClusterRole.AggregationRule.class) : null;
    }

    private static List<PolicyRule> rules(JsonNode role) {
        JsonNode rules = role.path("rules");
        if (!rules.isArray()) {
            return List.of();
        }
        return java.util.stream.StreamSupport.stream(rules.spliterator(), false)
                .map(rule -> Json.mapper().convertValue(rule, PolicyRule.class)).toList();
    }

    private static ApiException forbidden(Attributes.Resource request, String name, String why) {
        return new ApiException(StatusReason.Forbidden, request.resource() + "." + ResourceTypes.RBAC_GROUP + " \""
                + name + "\" is forbidden: " + why, request.resource(), name, List.of());
    }
}

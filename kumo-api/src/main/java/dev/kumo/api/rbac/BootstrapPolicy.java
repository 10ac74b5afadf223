package dev.kumo.api.rbac;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The default ClusterRoles and ClusterRoleBindings Kubernetes' API server bootstraps ({@code plugin/pkg/auth/
 * authorizer/rbac/bootstrappolicy}): {@code cluster-admin} bound to {@code system:masters}; the user-facing
 * {@code admin}, {@code edit} and {@code view}, aggregating (as in Kubernetes) the rules of
 * {@code system:aggregate-to-admin|edit|view}, which are what they hold in a cluster running Knative (Kubernetes'
 * kinds and Knative's groups), and of any ClusterRole labelled {@code aggregate-to-admin|edit|view}; {@code system:discovery}, {@code system:basic-user} (asking
 * {@code kubectl auth can-i}) and {@code system:public-info-viewer} bound to every authenticated user.
 */
public final class BootstrapPolicy {

    public static final String AUTOUPDATE = "rbac.authorization.kubernetes.io/autoupdate";
    public static final String BOOTSTRAPPING = "kubernetes.io/bootstrapping";
    /** The label prefix of a ClusterRole aggregated into the built-in {@code admin}, {@code edit} or {@code view}. */
    public static final String AGGREGATE_TO = "rbac.authorization.k8s.io/aggregate-to-";

    private static final List<String> READ = List.of("get", "list", "watch");
    private static final List<String> WRITE = List.of("create", "delete", "deletecollection", "patch", "update");
    private static final List<String> KNATIVE_GROUPS = List.of("serving.knative.dev", "eventing.knative.dev",
            "messaging.knative.dev", "sources.knative.dev", "flows.knative.dev", "bindings.knative.dev");
    private static final List<String> CORE_READABLE = List.of("configmaps", "endpoints", "persistentvolumeclaims",
            "persistentvolumeclaims/status", "pods", "replicationcontrollers", "replicationcontrollers/scale",
            "serviceaccounts", "services", "services/status", "bindings", "events", "limitranges", "namespaces/status",
            "pods/log", "pods/status", "replicationcontrollers/status", "resourcequotas", "resourcequotas/status");
    private static final List<String> APPS_READABLE = List.of("controllerrevisions", "daemonsets",
            "daemonsets/status", "deployments", "deployments/scale", "deployments/status", "replicasets",
            "replicasets/scale", "replicasets/status", "statefulsets", "statefulsets/scale", "statefulsets/status");
    private static final List<String> DISCOVERY_URLS = List.of("/api", "/api/*", "/apis", "/apis/*", "/healthz",
            "/livez", "/openapi", "/openapi/*", "/readyz", "/version", "/version/");

    private BootstrapPolicy() {
    }

    /** The default ClusterRoles. */
    public static List<ClusterRole> clusterRoles() {
        List<PolicyRule> view = new ArrayList<>(List.of(
                PolicyRule.resources(READ, List.of(""), CORE_READABLE),
                PolicyRule.resources(READ, List.of(""), List.of("namespaces")),
                PolicyRule.resources(READ, List.of("apps"), APPS_READABLE),
                PolicyRule.resources(READ, List.of("batch"), List.of("cronjobs", "cronjobs/status", "jobs",
                        "jobs/status")),
                PolicyRule.resources(READ, List.of("events.k8s.io", "discovery.k8s.io"), List.of("events",
                        "endpointslices")),
                PolicyRule.resources(READ, KNATIVE_GROUPS, List.of("*"))));
        List<PolicyRule> editOnly = List.of(
                PolicyRule.resources(List.of("impersonate"), List.of(""), List.of("serviceaccounts")),
                PolicyRule.resources(WRITE, List.of(""), List.of("pods", "pods/attach", "pods/exec",
                        "pods/portforward", "pods/proxy", "configmaps", "endpoints", "persistentvolumeclaims",
                        "replicationcontrollers", "replicationcontrollers/scale", "secrets", "serviceaccounts",
                        "services", "services/proxy")),
                PolicyRule.resources(READ, List.of(""), List.of("secrets")),
                PolicyRule.resources(WRITE, List.of("apps"), List.of("daemonsets", "deployments",
                        "deployments/rollback", "deployments/scale", "replicasets", "replicasets/scale", "statefulsets",
                        "statefulsets/scale")),
                PolicyRule.resources(WRITE, List.of("batch"), List.of("cronjobs", "jobs")),
                PolicyRule.resources(List.of("create", "update", "patch", "delete"), KNATIVE_GROUPS, List.of("*")));
        List<PolicyRule> adminOnly = List.of(
                PolicyRule.resources(List.of("create"), List.of("authorization.k8s.io"),
                        List.of("localsubjectaccessreviews")),
                PolicyRule.resources(List.of("create", "delete", "deletecollection", "get", "list", "patch", "update",
                        "watch"), List.of(ResourceTypes.RBAC_GROUP), List.of("rolebindings", "roles")),
                PolicyRule.resources(List.of("*"), KNATIVE_GROUPS, List.of("*")));
        // As Kubernetes bootstraps them: the rules are in system:aggregate-to-*, and view → edit → admin aggregate
        // them in a chain (view is labelled to aggregate into edit, edit into admin).
        List<ClusterRole> roles = new ArrayList<>(List.of(
                aggregatedInto("system:aggregate-to-admin", adminOnly, "admin"),
                aggregatedInto("system:aggregate-to-edit", editOnly, "edit"),
                aggregatedInto("system:aggregate-to-view", view, "view")));
        roles.add(aggregating("view", roles, "edit"));
        roles.add(aggregating("edit", roles, "admin"));
        roles.add(aggregating("admin", roles, null));
        roles.addAll(List.of(
                clusterRole("cluster-admin", List.of(PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")),
                        PolicyRule.urls(List.of("*"), List.of("*")))),
                clusterRole("system:discovery", List.of(PolicyRule.urls(List.of("get"), DISCOVERY_URLS))),
                clusterRole("system:public-info-viewer", List.of(PolicyRule.urls(List.of("get"), List.of("/healthz",
                        "/livez", "/readyz", "/version", "/version/")))),
                clusterRole("system:basic-user", List.of(PolicyRule.resources(List.of("create"),
                        List.of("authorization.k8s.io"), List.of("selfsubjectaccessreviews",
                                "selfsubjectrulesreviews"))))));
        return List.copyOf(roles);
    }

    /** {@code name} with {@code rules}, labelled to aggregate into {@code into}. */
    private static ClusterRole aggregatedInto(String name, List<PolicyRule> rules, String into) {
        return new ClusterRole(ResourceTypes.CLUSTER_ROLE.apiVersion(), ResourceTypes.CLUSTER_ROLE.kind(),
                meta(name, Optional.of(into)), rules, null);
    }

    /**
     * {@code name} aggregating the ClusterRoles labelled {@code aggregate-to-NAME}, its rules already those of
     * {@code others} that it aggregates; labelled to aggregate into {@code into} when not null.
     */
    private static ClusterRole aggregating(String name, List<ClusterRole> others, String into) {
        ClusterRole.AggregationRule rule = new ClusterRole.AggregationRule(List.of(new LabelSelectorSpec(
                Map.of(AGGREGATE_TO + name, "true"), null)));
        ClusterRole role = new ClusterRole(ResourceTypes.CLUSTER_ROLE.apiVersion(), ResourceTypes.CLUSTER_ROLE.kind(),
                meta(name, Optional.ofNullable(into)), List.of(), rule);
        return new ClusterRole(role.apiVersion(), role.kind(), role.metadata(),
                ClusterRoleAggregation.rules(role, others).orElseThrow(), rule);
    }

    /** The default ClusterRoleBindings. */
    public static List<ClusterRoleBinding> clusterRoleBindings() {
        return List.of(
                binding("cluster-admin", "system:masters"),
                binding("system:discovery", "system:authenticated"),
                binding("system:basic-user", "system:authenticated"),
                binding("system:public-info-viewer", "system:authenticated"));
    }

    private static ClusterRole clusterRole(String name, List<PolicyRule> rules) {
        return new ClusterRole(ResourceTypes.CLUSTER_ROLE.apiVersion(), ResourceTypes.CLUSTER_ROLE.kind(),
                meta(name), rules, null);
    }

    private static ClusterRoleBinding binding(String role, String group) {
        return new ClusterRoleBinding(ResourceTypes.CLUSTER_ROLE_BINDING.apiVersion(),
                ResourceTypes.CLUSTER_ROLE_BINDING.kind(), meta(role), List.of(Subject.group(group)),
                new RoleRef(ResourceTypes.RBAC_GROUP, "ClusterRole", role));
    }

    private static ObjectMeta meta(String name) {
        return meta(name, Optional.empty());
    }

    private static ObjectMeta meta(String name, Optional<String> aggregatesInto) {
        Map<String, String> labels = new java.util.TreeMap<>(Map.of(BOOTSTRAPPING, "rbac-defaults"));
        aggregatesInto.ifPresent(into -> labels.put(AGGREGATE_TO + into, "true"));
        return ObjectMeta.builder().name(name).labels(Map.copyOf(labels))
                .annotations(Map.of(AUTOUPDATE, "true")).build();
    }
}

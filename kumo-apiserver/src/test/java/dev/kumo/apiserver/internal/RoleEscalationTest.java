package dev.kumo.apiserver.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.rbac.authorizer.UserInfo;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.rbac.RbacDefaults;
import dev.kumo.store.rbac.StoredRbacPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A user writing a Role or ClusterRole needs {@code escalate} on it or every rule it grants, and full authority to
 * set an aggregationRule, as Kubernetes' escalation check has it; over a real in-memory store with the default roles.
 */
class RoleEscalationTest {

    private static final UserInfo SA = UserInfo.serviceAccount("default", "roles-sa");
    private static final String ROLES = "/apis/rbac.authorization.k8s.io/v1/namespaces/default/roles";
    private static final String CLUSTER_ROLES = "/apis/rbac.authorization.k8s.io/v1/clusterroles";
    private static final String WRITER_RULES = """
            [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"],
              "verbs": ["create", "update", "patch"]},
             {"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get", "list"]}]""";

    private final ResourceStore store = InMemoryStore.create();
    private final StoredRbacPolicy policy = new StoredRbacPolicy(store);
    private final RoleEscalation escalation = new RoleEscalation(new RbacAuthorizer(policy), policy);

    RoleEscalationTest() {
        RbacDefaults.ensure(store);
        store.create(ResourceTypes.ROLE, Json.parseObject(role("role-writer", WRITER_RULES)));
        store.create(ResourceTypes.ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                 "metadata": {"name": "role-writer", "namespace": "default"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "role-writer"},
                 "subjects": [{"kind": "ServiceAccount", "name": "roles-sa", "namespace": "default"}]}"""));
        store.create(ResourceTypes.CLUSTER_ROLE, Json.parseObject(clusterRole("clusterrole-writer", """
                [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"],
                  "verbs": ["create", "update", "patch"]}]""", "")));
        store.create(ResourceTypes.CLUSTER_ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding",
                 "metadata": {"name": "clusterrole-writer"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole",
                             "name": "clusterrole-writer"},
                 "subjects": [{"kind": "ServiceAccount", "name": "roles-sa", "namespace": "default"}]}"""));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRoleGrantingOnlyWhatTheUserHoldsMayBeWritten() {
        assertThatCode(() -> check("POST", ROLES, "application/json", role("readers", """
                [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}]""")))
                .doesNotThrowAnyException();
        // Labels only: the rules stay as stored.
        assertThatCode(() -> check("PATCH", ROLES + "/role-writer", "application/merge-patch+json",
                "{\"metadata\": {\"labels\": {\"team\": \"a\"}}}")).doesNotThrowAnyException();
    }

    @Test
    void widenedRolesAreForbiddenOnCreateUpdateAndEveryPatch() {
        String everything = role("role-writer", """
                [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]""");
        assertThatThrownBy(() -> check("POST", ROLES, "application/json", everything.replace("role-writer", "all")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("roles.rbac.authorization.k8s.io \"all\" is forbidden: user "
                            + "\"system:serviceaccount:default:roles-sa\" is attempting to grant RBAC permissions not "
                            + "currently held; it needs \"escalate\" on roles \"all\" or every rule it grants");
                });
        // The review's case: the user widens the role bound to itself.
        assertThatThrownBy(() -> check("PUT", ROLES + "/role-writer", "application/json", everything))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(403));
        assertThatThrownBy(() -> check("PATCH", ROLES + "/role-writer", "application/merge-patch+json", """
                {"rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}"""))
                .isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> check("PATCH", ROLES + "/role-writer", "application/json-patch+json", """
                [{"op": "add", "path": "/rules/1/verbs/-", "value": "delete"}]""")).isInstanceOf(ApiException.class);
        assertThatThrownBy(() -> check("PATCH", ROLES + "/applied", "application/apply-patch+yaml",
                everything.replace("role-writer", "applied"))).isInstanceOf(ApiException.class);
        // The admin may.
        assertThatCode(() -> escalation.check(UserInfo.ADMIN, request("PUT", ROLES + "/role-writer",
                "application/json", everything), segments(ROLES + "/role-writer"))).doesNotThrowAnyException();
    }

    @Test
    void escalateOnTheRoleAllowsWideningIt() {
        store.create(ResourceTypes.ROLE, Json.parseObject(role("escalator", """
                [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["roles"], "verbs": ["escalate"],
                  "resourceNames": ["role-writer"]}]""")));
        store.create(ResourceTypes.ROLE_BINDING, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                 "metadata": {"name": "escalator", "namespace": "default"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "escalator"},
                 "subjects": [{"kind": "ServiceAccount", "name": "roles-sa", "namespace": "default"}]}"""));

        assertThatCode(() -> check("PATCH", ROLES + "/role-writer", "application/merge-patch+json", """
                {"rules": [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]}"""))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("POST", ROLES, "application/json", role("other", """
                [{"apiGroups": ["*"], "resources": ["*"], "verbs": ["*"]}]"""))).isInstanceOf(ApiException.class);
    }

    @Test
    void anAggregationRuleNeedsFullAuthority() {
        for (String selector : List.of("{}", "{\"matchLabels\": {\"kubernetes.io/bootstrapping\": \"rbac-defaults\"}}")) {
            String aggregating = clusterRole("gather", "[]", selector);
            assertThatThrownBy(() -> check("POST", CLUSTER_ROLES, "application/json", aggregating))
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.code()).isEqualTo(403);
                        assertThat(e.getMessage()).isEqualTo("clusterroles.rbac.authorization.k8s.io \"gather\" is "
                                + "forbidden: must have cluster-admin privileges to use the aggregationRule");
                    });
            // Added to the ClusterRole bound to the user itself.
            assertThatThrownBy(() -> check("PATCH", CLUSTER_ROLES + "/clusterrole-writer",
                    "application/merge-patch+json", "{\"aggregationRule\": {\"clusterRoleSelectors\": [" + selector
                            + "]}}")).isInstanceOf(ApiException.class);
            assertThatCode(() -> escalation.check(UserInfo.ADMIN, request("POST", CLUSTER_ROLES, "application/json",
                    aggregating), segments(CLUSTER_ROLES))).doesNotThrowAnyException();
        }
        // A ClusterRole's rules are held cluster-wide: the namespaced role-writer binding does not count.
        assertThatThrownBy(() -> check("POST", CLUSTER_ROLES, "application/json", clusterRole("readers", """
                [{"apiGroups": [""], "resources": ["configmaps"], "verbs": ["get"]}]""", "")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void otherWritesAndReadsAreNotChecked() {
        assertThatCode(() -> check("GET", ROLES, "application/json", null)).doesNotThrowAnyException();
        assertThatCode(() -> check("DELETE", ROLES + "/role-writer", "application/json", null))
                .doesNotThrowAnyException();
        assertThatCode(() -> check("PATCH", ROLES + "/missing", "application/merge-patch+json", "{\"rules\": []}"))
                .doesNotThrowAnyException();
    }

    private void check(String method, String path, String contentType, String body) {
        escalation.check(SA, request(method, path, contentType, body), segments(path));
    }

    private static ApiRequest request(String method, String path, String contentType, String body) {
        return new ApiRequest(method, path, Map.of(), Map.of("content-type", contentType),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/"));
    }

    private static String role(String name, String rules) {
        return """
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                 "metadata": {"name": "%s", "namespace": "default"}, "rules": %s}
                """.formatted(name, rules);
    }

    private static String clusterRole(String name, String rules, String selector) {
        String aggregation = selector.isEmpty() ? ""
                : ", \"aggregationRule\": {\"clusterRoleSelectors\": [" + selector + "]}";
        return """
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                 "metadata": {"name": "%s"}, "rules": %s%s}
                """.formatted(name, rules, aggregation);
    }
}

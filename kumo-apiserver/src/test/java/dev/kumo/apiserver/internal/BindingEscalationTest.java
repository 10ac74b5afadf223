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
 * A user writing a RoleBinding needs {@code bind} on its role or every rule of it, as Kubernetes' escalation check
 * has it; over a real in-memory store with the default roles.
 */
class BindingEscalationTest {

    private static final UserInfo SA = UserInfo.serviceAccount("default", "events-sa");
    private static final String BINDINGS = "/apis/rbac.authorization.k8s.io/v1/namespaces/default/rolebindings";

    private final ResourceStore store = InMemoryStore.create();
    private final StoredRbacPolicy policy = new StoredRbacPolicy(store);
    private final BindingEscalation escalation = new BindingEscalation(new RbacAuthorizer(policy), policy);

    BindingEscalationTest() {
        RbacDefaults.ensure(store);
        role("event-watcher", """
                [{"apiGroups": [""], "resources": ["events"], "verbs": ["get", "list", "watch"]}]""");
        role("binder", """
                [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["rolebindings"],
                  "verbs": ["create", "update"]}]""");
        store.create(ResourceTypes.ROLE_BINDING, Json.parseObject(binding("event-watcher", "Role", "event-watcher")));
        store.create(ResourceTypes.ROLE_BINDING, Json.parseObject(binding("binder", "Role", "binder")));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRoleWhoseRulesTheUserHoldsMayBeBound() {
        assertThatCode(() -> check("POST", BINDINGS, binding("held", "Role", "event-watcher")))
                .doesNotThrowAnyException();
    }

    @Test
    void aRoleGrantingMoreThanTheUserHoldsIsForbiddenUnlessItMayBindIt() {
        assertThatThrownBy(() -> check("POST", BINDINGS, binding("escalating", "ClusterRole", "edit")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("rolebindings.rbac.authorization.k8s.io \"escalating\" is "
                            + "forbidden: user \"system:serviceaccount:default:events-sa\" is attempting to grant "
                            + "RBAC permissions not currently held; it needs \"bind\" on clusterroles \"edit\" or "
                            + "every rule of it");
                });
        assertThatThrownBy(() -> check("PUT", BINDINGS + "/escalating", binding("escalating", "ClusterRole",
                "edit"))).isInstanceOf(ApiException.class);

        role("edit-binder", """
                [{"apiGroups": ["rbac.authorization.k8s.io"], "resources": ["clusterroles"], "verbs": ["bind"],
                  "resourceNames": ["edit"]}]""");
        store.create(ResourceTypes.ROLE_BINDING, Json.parseObject(binding("edit-binder", "Role", "edit-binder")));

        assertThatCode(() -> check("POST", BINDINGS, binding("escalating", "ClusterRole", "edit")))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> check("POST", BINDINGS, binding("admin", "ClusterRole", "admin")))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void patchesAreCheckedAgainstTheRoleTheyNameOrTheStoredBindings() {
        // Bound to someone else: the service account does not hold edit's rules.
        store.create(ResourceTypes.ROLE_BINDING, Json.parseObject(binding("stored-edit", "ClusterRole", "edit")
                .replace("\"kind\": \"ServiceAccount\", \"name\": \"events-sa\"",
                        "\"kind\": \"User\", \"name\": \"someone\"")));
        String moreSubjects = """
                {"subjects": [{"kind": "ServiceAccount", "name": "other", "namespace": "default"}]}""";

        assertThatThrownBy(() -> check("PATCH", BINDINGS + "/stored-edit", "application/merge-patch+json",
                moreSubjects)).isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.getMessage()).startsWith("rolebindings.rbac.authorization.k8s.io \"stored-edit\" "
                            + "is forbidden: user \"system:serviceaccount:default:events-sa\" is attempting to grant");
                });
        assertThatThrownBy(() -> check("PATCH", BINDINGS + "/stored-edit", "application/json-patch+json", """
                [{"op": "add", "path": "/subjects/-", "value": {"kind": "User", "name": "someone"}}]"""))
                .isInstanceOf(ApiException.class);
        // Server-side apply creates: the role its body names counts.
        assertThatThrownBy(() -> check("PATCH", BINDINGS + "/applied", "application/apply-patch+yaml",
                binding("applied", "ClusterRole", "edit"))).isInstanceOf(ApiException.class);

        assertThatCode(() -> check("PATCH", BINDINGS + "/event-watcher", "application/merge-patch+json",
                moreSubjects)).doesNotThrowAnyException();
        assertThatCode(() -> check("PATCH", BINDINGS + "/applied", "application/apply-patch+yaml",
                binding("applied", "Role", "event-watcher"))).doesNotThrowAnyException();
        // Nothing stored and no roleRef named: the patch itself answers 404.
        assertThatCode(() -> check("PATCH", BINDINGS + "/missing", "application/merge-patch+json", moreSubjects))
                .doesNotThrowAnyException();
    }

    @Test
    void otherWritesAndReadsAreNotChecked() {
        assertThatCode(() -> check("GET", BINDINGS, null)).doesNotThrowAnyException();
        assertThatCode(() -> check("POST", "/api/v1/namespaces/default/configmaps", "{}"))
                .doesNotThrowAnyException();
    }

    private void check(String method, String path, String body) {
        check(method, path, "application/json", body);
    }

    private void check(String method, String path, String contentType, String body) {
        escalation.check(SA, new ApiRequest(method, path, Map.of(), Map.of("content-type", contentType),
                body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8)),
                List.of(path.substring(1).split("/")));
    }

    private void role(String name, String rules) {
        store.create(ResourceTypes.ROLE, Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role",
                 "metadata": {"name": "%s", "namespace": "default"}, "rules": %s}
                """.formatted(name, rules)));
    }

    private static String binding(String name, String kind, String role) {
        return """
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding",
                 "metadata": {"name": "%s", "namespace": "default"},
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "%s", "name": "%s"},
                 "subjects": [{"kind": "ServiceAccount", "name": "events-sa", "namespace": "default"}]}
                """.formatted(name, kind, role);
    }
}

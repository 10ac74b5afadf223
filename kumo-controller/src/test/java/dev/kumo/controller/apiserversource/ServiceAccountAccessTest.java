package dev.kumo.controller.apiserversource;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.Namespace;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleBinding;
import dev.kumo.api.rbac.PolicyRule;
import dev.kumo.api.rbac.Role;
import dev.kumo.api.rbac.RoleBinding;
import dev.kumo.api.rbac.RoleRef;
import dev.kumo.api.rbac.Subject;
import dev.kumo.api.rbac.authorizer.RbacAuthorizer;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingSourceRunner;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.rbac.RbacDefaults;
import dev.kumo.store.rbac.StoredRbacPolicy;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A source naming a serviceAccountName gets SufficientPermissions from that ServiceAccount's RBAC (get, list, watch
 * of each watched resource in each watched namespace), whatever the cross-namespace setting says.
 */
class ServiceAccountAccessTest {

    private static final NamespacedName KEY = new NamespacedName("default", "watch");
    private static final URI SINK = URI.create("http://sink.example/");
    private static final List<dev.kumo.api.meta.ResourceType> KINDS = List.of(ResourceTypes.CONFIGMAP,
            ResourceTypes.SECRET, ResourceTypes.NAMESPACE);

    private final ResourceStore store = InMemoryStore.create();
    private final SourceAccess access = new SourceAccess(false, KINDS,
            new RbacAuthorizer(new StoredRbacPolicy(store)));
    private final RecordingSourceRunner<ApiServerSource> runner = new RecordingSourceRunner<>();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aRoleBindingAllowingGetListWatchLetsTheSourceRun() {
        role("cm-watcher", "get", "list", "watch");
        roleBinding("cm-watcher", "watcher");

        JsonNode status = reconcile(source("watcher", null));

        assertThat(condition(status, "SufficientPermissions").path("status").asText()).isEqualTo("True");
        assertThat(condition(status, "Ready").path("status").asText()).isEqualTo("True");
        assertThat(runner.sink("default", "watch")).contains(SINK);
    }

    @Test
    void aMissingVerbIsNamedAsKnativeDoesAndTheSourceDoesNotRun() {
        role("cm-getter", "get");
        roleBinding("cm-getter", "watcher");

        JsonNode status = reconcile(source("watcher", null));

        JsonNode permissions = condition(status, "SufficientPermissions");
        assertThat(permissions.path("status").asText()).isEqualTo("False");
        assertThat(permissions.path("reason").asText()).isEqualTo("InsufficientPermissions");
        assertThat(permissions.path("message").asText()).isEqualTo("User system:serviceaccount:default:watcher "
                + "cannot list, watch resource \"configmaps\" in API group \"\"");
        assertThat(runner.sink("default", "watch")).isEmpty();
    }

    @Test
    void aServiceAccountBoundToViewClusterWideMayWatchEveryNamespaceWithoutTheConfigKey() {
        RbacDefaults.ensure(store);
        store.create(ResourceTypes.NAMESPACE, Json.toTree(new Namespace("v1", "Namespace", ObjectMeta.named("prod"),
                null, null)));
        store.create(ResourceTypes.CLUSTER_ROLE_BINDING, Json.toTree(new ClusterRoleBinding(
                "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ObjectMeta.named("watcher-view"),
                List.of(new Subject("ServiceAccount", "", "watcher", "default")),
                new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "view"))));

        JsonNode status = reconcile(source("watcher", new LabelSelectorSpec(null, null)));

        assertThat(condition(status, "SufficientPermissions").path("status").asText()).isEqualTo("True");
        assertThat(status.path("namespaces").toString()).isEqualTo("[\"prod\"]");
        assertThat(access.mayRead(source("watcher", null), "other")).isTrue();
        assertThat(access.mayRead(source("nobody", null), "default")).isFalse();
    }

    @Test
    void aServiceAccountWithoutBindingsMayReadNothingEvenInItsOwnNamespace() {
        JsonNode status = reconcile(source("nobody", null));

        assertThat(condition(status, "SufficientPermissions").path("message").asText()).isEqualTo("User "
                + "system:serviceaccount:default:nobody cannot get, list, watch resource \"configmaps\" in API group "
                + "\"\"");
    }

    @Test
    void theDefaultServiceAccountReadsItsOwnNamespaceAndWhatItsRbacAllowsBeyond() {
        store.create(ResourceTypes.NAMESPACE, Json.toTree(new Namespace("v1", "Namespace", ObjectMeta.named("prod"),
                null, null)));
        JsonNode own = reconcile(source("default", null));
        assertThat(condition(own, "SufficientPermissions").path("status").asText()).isEqualTo("True");

        JsonNode everywhere = reconcile(source("default", new LabelSelectorSpec(null, null)));
        assertThat(condition(everywhere, "SufficientPermissions").path("reason").asText())
                .isEqualTo("CrossNamespaceNotAllowed");

        RbacDefaults.ensure(store);
        store.create(ResourceTypes.CLUSTER_ROLE_BINDING, Json.toTree(new ClusterRoleBinding(
                "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ObjectMeta.named("default-view"),
                List.of(new Subject("ServiceAccount", "", "default", "default")),
                new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "view"))));
        JsonNode bound = reconcile(source("default", new LabelSelectorSpec(null, null)));
        assertThat(condition(bound, "SufficientPermissions").path("status").asText()).isEqualTo("True");
    }

    @Test
    void aRoleBindingGrantsNoClusterScopedKindOnlyAClusterRoleBindingDoes() {
        store.create(ResourceTypes.ROLE, Json.toTree(new Role("rbac.authorization.k8s.io/v1", "Role",
                ObjectMeta.of("default", "everything"), List.of(PolicyRule.resources(List.of("get", "list", "watch"),
                        List.of("*"), List.of("*"))))));
        store.create(ResourceTypes.ROLE_BINDING, Json.toTree(new RoleBinding("rbac.authorization.k8s.io/v1",
                "RoleBinding", ObjectMeta.of("default", "everything"), List.of(
                        new Subject("ServiceAccount", "", "watcher", "default"),
                        new Subject("ServiceAccount", "", "default", "default")),
                new RoleRef("rbac.authorization.k8s.io", "Role", "everything"))));
        ApiServerSource namespaces = source("watcher", null, "Namespace");

        JsonNode status = reconcile(namespaces);

        assertThat(condition(status, "SufficientPermissions").path("message").asText()).isEqualTo("User "
                + "system:serviceaccount:default:watcher cannot get, list, watch resource \"namespaces\" in API group "
                + "\"\"");
        assertThat(access.refuses(source(null, null, "Namespace"), ResourceTypes.NAMESPACE)).isTrue();

        store.create(ResourceTypes.CLUSTER_ROLE, Json.toTree(new ClusterRole("rbac.authorization.k8s.io/v1",
                "ClusterRole", ObjectMeta.named("namespace-reader"), List.of(PolicyRule.resources(
                        List.of("get", "list", "watch"), List.of(""), List.of("namespaces"))), null)));
        store.create(ResourceTypes.CLUSTER_ROLE_BINDING, Json.toTree(new ClusterRoleBinding(
                "rbac.authorization.k8s.io/v1", "ClusterRoleBinding", ObjectMeta.named("watcher-namespaces"),
                List.of(new Subject("ServiceAccount", "", "watcher", "default")),
                new RoleRef("rbac.authorization.k8s.io", "ClusterRole", "namespace-reader"))));

        assertThat(condition(reconcile(namespaces), "SufficientPermissions").path("status").asText())
                .isEqualTo("True");
    }

    private JsonNode reconcile(ApiServerSource source) {
        store.get(ResourceTypes.API_SERVER_SOURCE, KEY.namespace(), KEY.name()).ifPresent(old ->
                store.delete(ResourceTypes.API_SERVER_SOURCE, KEY.namespace(), KEY.name(),
                        dev.kumo.store.DeleteOptions.DEFAULT));
        Seed.load(store, List.of(source));
        ApiServerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker(), access)
                .reconcile(KEY);
        return Normalized.status(store.get(ResourceTypes.API_SERVER_SOURCE, "default", "watch").orElseThrow()
                .get("status"));
    }

    private static JsonNode condition(JsonNode status, String type) {
        for (JsonNode condition : status.path("conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return Json.object();
    }

    private void role(String name, String... verbs) {
        store.create(ResourceTypes.ROLE, Json.toTree(new Role("rbac.authorization.k8s.io/v1", "Role",
                ObjectMeta.of("default", name), List.of(PolicyRule.resources(List.of(verbs), List.of(""),
                        List.of("configmaps"))))));
    }

    private void roleBinding(String role, String serviceAccount) {
        store.create(ResourceTypes.ROLE_BINDING, Json.toTree(new RoleBinding("rbac.authorization.k8s.io/v1",
                "RoleBinding", ObjectMeta.of("default", role), List.of(new Subject("ServiceAccount", "",
                        serviceAccount, "default")), new RoleRef("rbac.authorization.k8s.io", "Role", role))));
    }

    private static ApiServerSource source(String serviceAccount, LabelSelectorSpec namespaceSelector) {
        return source(serviceAccount, namespaceSelector, "ConfigMap");
    }

    private static ApiServerSource source(String serviceAccount, LabelSelectorSpec namespaceSelector, String kind) {
        return ApiServerSource.of(ObjectMeta.of(KEY.namespace(), KEY.name()), new ApiServerSourceSpec(
                Destination.of(SINK.toString()), null, List.of(new ApiServerSourceSpec.Resource("v1", kind, null)),
                null, ApiServerSource.REFERENCE_MODE, serviceAccount, namespaceSelector, null));
    }
}

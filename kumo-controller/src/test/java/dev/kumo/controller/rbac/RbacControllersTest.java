package dev.kumo.controller.rbac;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.rbac.RbacDefaults;
import java.time.Duration;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** ClusterRole aggregation kept up to date by the engine over a real in-memory store. */
class RbacControllersTest {

    private static final Duration SETTLE = Duration.ofSeconds(10);

    private final ResourceStore store = InMemoryStore.create();
    private final RbacControllers controllers;

    RbacControllersTest() {
        RbacDefaults.ensure(store);
        controllers = RbacControllers.start(store, InstantSource.system());
    }

    @AfterEach
    void close() {
        controllers.close();
        store.close();
    }

    @Test
    void anAggregatedRoleFollowsTheRolesItSelects() {
        store.create(ResourceTypes.CLUSTER_ROLE, clusterRole("monitoring", "{}", """
                {"clusterRoleSelectors": [{"matchLabels": {"rbac.example.com/aggregate-to-monitoring": "true"}}]}"""));
        store.create(ResourceTypes.CLUSTER_ROLE, clusterRole("monitoring-endpoints",
                "{\"rbac.example.com/aggregate-to-monitoring\": \"true\"}", null));
        ObjectNode endpoints = store.get(ResourceTypes.CLUSTER_ROLE, "", "monitoring-endpoints").orElseThrow();
        endpoints.set("rules", Json.mapper().valueToTree(Json.parseObject("""
                {"r": [{"apiGroups": [""], "resources": ["endpoints"], "verbs": ["get", "list"]}]}""").get("r")));
        store.update(ResourceTypes.CLUSTER_ROLE, endpoints);

        await().atMost(SETTLE).until(() -> rules("monitoring").toString(),
                rules -> rules.contains("endpoints") && rules.contains("list"));

        store.delete(ResourceTypes.CLUSTER_ROLE, "", "monitoring-endpoints", DeleteOptions.DEFAULT);
        await().atMost(SETTLE).until(() -> rules("monitoring").isEmpty());
    }

    @Test
    void aRoleLabelledAggregateToViewReachesViewEditAndAdmin() {
        ObjectNode widgets = clusterRole("widget-viewer", "{\"rbac.authorization.k8s.io/aggregate-to-view\": \"true\"}",
                null);
        widgets.set("rules", Json.parseObject("""
                {"r": [{"apiGroups": ["example.com"], "resources": ["widgets"], "verbs": ["get"]}]}""").get("r"));
        store.create(ResourceTypes.CLUSTER_ROLE, widgets);

        for (String role : new String[] {"view", "edit", "admin"}) {
            await(role).atMost(SETTLE).until(() -> rules(role).toString().contains("widgets"));
        }
        assertThat(rules("view").toString()).contains("pods");
        assertThat(rules("cluster-admin").toString()).doesNotContain("widgets");
    }

    private JsonNode rules(String name) {
        return store.get(ResourceTypes.CLUSTER_ROLE, "", name).orElseThrow().path("rules");
    }

    private static ObjectNode clusterRole(String name, String labels, String aggregationRule) {
        ObjectNode role = Json.parseObject("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole",
                 "metadata": {"name": "%s", "labels": %s}}""".formatted(name, labels));
        if (aggregationRule != null) {
            role.set("aggregationRule", Json.parseObject(aggregationRule));
        }
        return role;
    }
}

package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.configuration;
import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.finalizers;
import static dev.kumo.store.TestObjects.meta;
import static dev.kumo.store.TestObjects.namespace;
import static dev.kumo.store.TestObjects.ownedBy;
import static dev.kumo.store.TestObjects.revision;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.store.DeleteOptions.Propagation;
import org.junit.jupiter.api.Test;

/** Deleting what depends on a deleted object: ownerReferences across kinds, orphaning, namespaces. */
public interface CascadeContract extends StoreFixture {

    @Test
    default void deletingAnOwnerDeletesItsDependentsAcrossKinds() {
        ObjectNode service = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        ObjectNode configuration = store().create(ResourceTypes.CONFIGURATION,
                configuration("default", "hello", ownedBy(service)));
        store().create(ResourceTypes.REVISION, revision("default", "hello-00001", ownedBy(configuration)));
        store().create(ResourceTypes.REVISION, revision("default", "hello-00002", ownedBy(configuration)));
        store().create(ResourceTypes.CONFIGMAP, configMap("default", "unrelated"));

        store().delete(ResourceTypes.SERVICE, "default", "hello", deleteOptions(Propagation.Foreground));

        assertThat(store().get(ResourceTypes.CONFIGURATION, "default", "hello")).isEmpty();
        assertThat(store().list(ResourceTypes.REVISION, ListOptions.ALL).items()).isEmpty();
        assertThat(store().get(ResourceTypes.CONFIGMAP, "default", "unrelated")).isPresent();
    }

    @Test
    default void dependentsWithFinalizersAreMarkedAndCascadeWhenReleased() {
        ObjectNode service = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        ObjectNode configuration = store().create(ResourceTypes.CONFIGURATION,
                configuration("default", "hello", ownedBy(service), finalizers("kumo.dev/cleanup")));
        store().create(ResourceTypes.REVISION, revision("default", "hello-00001", ownedBy(configuration)));

        store().delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);
        ObjectNode held = store().get(ResourceTypes.CONFIGURATION, "default", "hello").orElseThrow();

        assertThat(meta(held).has("deletionTimestamp")).isTrue();
        assertThat(store().get(ResourceTypes.REVISION, "default", "hello-00001")).isPresent();

        store().update(ResourceTypes.CONFIGURATION, edited(held, finalizers()));

        assertThat(store().get(ResourceTypes.CONFIGURATION, "default", "hello")).isEmpty();
        assertThat(store().get(ResourceTypes.REVISION, "default", "hello-00001")).isEmpty();
    }

    @Test
    default void orphanKeepsDependentsAndDropsTheirReferences() {
        ObjectNode service = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        ObjectNode other = store().create(ResourceTypes.SERVICE, service("default", "other"));
        store().create(ResourceTypes.CONFIGURATION, configuration("default", "hello", ownedBy(service)));
        store().create(ResourceTypes.ROUTE, TestObjects.object(ResourceTypes.ROUTE, "default", "hello",
                ownedBy(service), ownedBy(other)));

        store().delete(ResourceTypes.SERVICE, "default", "hello", deleteOptions(Propagation.Orphan));

        ObjectNode configuration = store().get(ResourceTypes.CONFIGURATION, "default", "hello").orElseThrow();
        ObjectNode route = store().get(ResourceTypes.ROUTE, "default", "hello").orElseThrow();
        assertThat(meta(configuration).has("ownerReferences")).isFalse();
        assertThat(meta(route).path("ownerReferences")).hasSize(1);
        assertThat(meta(route).path("ownerReferences").get(0).path("uid").asText()).isEqualTo(uid(other));

        store().delete(ResourceTypes.SERVICE, "default", "other", DeleteOptions.DEFAULT);

        assertThat(store().get(ResourceTypes.ROUTE, "default", "hello")).isEmpty();
        assertThat(store().get(ResourceTypes.CONFIGURATION, "default", "hello")).isPresent();
    }

    @Test
    default void deletingANamespaceDeletesEverythingInIt() {
        store().create(ResourceTypes.NAMESPACE, namespace("team-a"));
        store().create(ResourceTypes.SERVICE, service("team-a", "hello"));
        store().create(ResourceTypes.CONFIGMAP, configMap("team-a", "settings"));
        store().create(ResourceTypes.CONFIGMAP, configMap("team-b", "settings"));
        store().create(ResourceTypes.NAMESPACE, namespace("team-b"));

        store().delete(ResourceTypes.NAMESPACE, "", "team-a", DeleteOptions.DEFAULT);

        assertThat(store().get(ResourceTypes.NAMESPACE, "", "team-a")).isEmpty();
        assertThat(store().list(ResourceTypes.SERVICE, ListOptions.ALL).items()).isEmpty();
        assertThat(store().list(ResourceTypes.CONFIGMAP, ListOptions.ALL).items()).extracting(TestObjects::name,
                o -> o.path("metadata").path("namespace").asText()).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("settings", "team-b"));
        assertThat(store().get(ResourceTypes.NAMESPACE, "", "team-b")).isPresent();
    }
}

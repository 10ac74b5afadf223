package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.generateName;
import static dev.kumo.store.TestObjects.generation;
import static dev.kumo.store.TestObjects.meta;
import static dev.kumo.store.TestObjects.name;
import static dev.kumo.store.TestObjects.namespace;
import static dev.kumo.store.TestObjects.resourceVersion;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.status;
import static dev.kumo.store.TestObjects.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Creating objects: names, stamped metadata, what a create may not set. */
public interface CreateContract extends StoreFixture {

    @Test
    default void createStampsUidVersionTimestampAndGeneration() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));

        assertThat(uid(created)).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(resourceVersion(created)).isEqualTo(Long.toString(store().resourceVersion()));
        assertThat(meta(created).path("creationTimestamp").asText()).isEqualTo("2026-11-22T03:21:00Z");
        assertThat(generation(created)).isEqualTo(1);
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).contains(created);
    }

    @Test
    default void coreKindsHaveNoGeneration() {
        ObjectNode incoming = configMap("default", "settings");
        meta(incoming).put("generation", 7);

        ObjectNode created = store().create(ResourceTypes.CONFIGMAP, incoming);

        assertThat(meta(created).has("generation")).isFalse();
        assertThat(created.path("data").path("key").asText()).isEqualTo("value");
    }

    @Test
    default void createIgnoresStatusOfKindsWithStatusSubresource() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello", status("url", "x")));

        assertThat(created.has("status")).isFalse();
    }

    @Test
    default void createIgnoresWhatTheStoreOwns() {
        ObjectNode incoming = service("default", "hello");
        meta(incoming).put("uid", "mine").put("resourceVersion", "999").put("generation", 5)
                .put("deletionTimestamp", "2020-01-01T00:00:00Z");

        ObjectNode created = store().create(ResourceTypes.SERVICE, incoming);

        assertThat(uid(created)).isNotEqualTo("mine");
        assertThat(resourceVersion(created)).isEqualTo("1");
        assertThat(generation(created)).isEqualTo(1);
        assertThat(meta(created).has("deletionTimestamp")).isFalse();
    }

    @Test
    default void resourceVersionIsOneCounterAcrossKinds() {
        long first = Long.parseLong(resourceVersion(store().create(ResourceTypes.SERVICE, service("a", "hello"))));
        long second = Long.parseLong(resourceVersion(store().create(ResourceTypes.CONFIGMAP, configMap("a", "x"))));
        long third = Long.parseLong(resourceVersion(store().create(ResourceTypes.NAMESPACE, namespace("a"))));

        assertThat(second).isGreaterThan(first);
        assertThat(third).isGreaterThan(second);
        assertThat(store().resourceVersion()).isEqualTo(third);
    }

    @Test
    default void takenNameIsAlreadyExists() {
        store().create(ResourceTypes.SERVICE, service("default", "hello"));

        ApiException failure = failure(() -> store().create(ResourceTypes.SERVICE, service("default", "hello")));

        assertThat(failure.reason()).isEqualTo(StatusReason.AlreadyExists);
        assertThat(failure).hasMessage("services.serving.knative.dev \"hello\" already exists");
        assertThat(store().create(ResourceTypes.SERVICE, service("other", "hello"))).isNotNull();
    }

    @Test
    default void generateNameGivesUniqueNames() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            names.add(name(store().create(ResourceTypes.CONFIGMAP, configMap("default", "", generateName("cm-")))));
        }

        assertThat(names).hasSize(50).allMatch(n -> n.matches("cm-[bcdfghjklmnpqrstvwxz2456789]{5}"));
        assertThat(store().list(ResourceTypes.CONFIGMAP, ListOptions.ALL).items()).hasSize(50);
    }

    @Test
    default void aLongGenerateNameIsCutSoTheNameFitsSixtyThreeCharacters() {
        String prefix = "a-generate-name-prefix-that-goes-on-and-on-well-past-the-limit-";

        String generated = name(store().create(ResourceTypes.CONFIGMAP, configMap("default", "",
                generateName(prefix))));

        assertThat(generated).hasSize(63).startsWith(prefix.substring(0, 58));
    }

    @Test
    default void nameOrGenerateNameIsRequired() {
        ApiException failure = failure(() -> store().create(ResourceTypes.SERVICE, service("default", "")));

        assertThat(failure.reason()).isEqualTo(StatusReason.Invalid);
        assertThat(failure.getMessage()).contains("metadata.name: Required value");
    }

    @Test
    default void namespacedKindsNeedANamespace() {
        ApiException failure = failure(() -> store().create(ResourceTypes.SERVICE, service("", "hello")));

        assertThat(failure.reason()).isEqualTo(StatusReason.BadRequest);
    }

    @Test
    default void clusterScopedKindsDropTheNamespace() {
        ObjectNode incoming = namespace("team-a");
        meta(incoming).put("namespace", "default");

        ObjectNode created = store().create(ResourceTypes.NAMESPACE, incoming);

        assertThat(meta(created).has("namespace")).isFalse();
        assertThat(store().get(ResourceTypes.NAMESPACE, "ignored", "team-a")).contains(created);
    }

    @Test
    default void treesGoingInAndOutAreCopies() {
        ObjectNode incoming = service("default", "hello");
        ObjectNode created = store().create(ResourceTypes.SERVICE, incoming);
        incoming.put("spec", "changed by the caller");
        created.put("spec", "changed by the caller");
        store().get(ResourceTypes.SERVICE, "default", "hello").orElseThrow().put("spec", "changed again");

        ObjectNode stored = store().get(ResourceTypes.SERVICE, "default", "hello").orElseThrow();

        assertThat(stored.path("spec").isObject()).isTrue();
    }
}

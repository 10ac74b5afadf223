package dev.kumo.store;

import static dev.kumo.store.TestObjects.configMap;
import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.generation;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.meta;
import static dev.kumo.store.TestObjects.resourceVersion;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.spec;
import static dev.kumo.store.TestObjects.status;
import static dev.kumo.store.TestObjects.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Replacing objects: optimistic concurrency, generation, no-op writes, what the store keeps. */
public interface UpdateContract extends StoreFixture {

    @Test
    default void updateOfMissingObjectIsNotFound() {
        ApiException failure = failure(() -> store().update(ResourceTypes.SERVICE, service("default", "hello")));

        assertThat(failure.reason()).isEqualTo(StatusReason.NotFound);
        assertThat(failure).hasMessage("services.serving.knative.dev \"hello\" not found");
    }

    @Test
    default void staleResourceVersionIsConflict() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        store().update(ResourceTypes.SERVICE, edited(created, spec("x", "first")));

        ApiException failure = failure(() ->
                store().update(ResourceTypes.SERVICE, edited(created, spec("x", "second"))));

        assertThat(failure.reason()).isEqualTo(StatusReason.Conflict);
        assertThat(failure).hasMessage("Operation cannot be fulfilled on services.serving.knative.dev \"hello\": the "
                + "object has been modified; please apply your changes to the latest version and try again");
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello").orElseThrow().path("spec").path("x")
                .asText()).isEqualTo("first");
    }

    @Test
    default void emptyResourceVersionUpdatesUnconditionally() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        store().update(ResourceTypes.SERVICE, edited(created, spec("x", "first")));
        ObjectNode blind = edited(created, spec("x", "second"));
        meta(blind).remove("resourceVersion");

        ObjectNode updated = store().update(ResourceTypes.SERVICE, blind);

        assertThat(updated.path("spec").path("x").asText()).isEqualTo("second");
    }

    @Test
    default void otherUidIsConflict() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        ObjectNode impostor = edited(created, spec("x", "y"));
        meta(impostor).put("uid", "00000000-0000-0000-0000-000000000000");

        ApiException failure = failure(() -> store().update(ResourceTypes.SERVICE, impostor));

        assertThat(failure.reason()).isEqualTo(StatusReason.Conflict);
        assertThat(failure.getMessage()).contains("Precondition failed: UID in precondition");
    }

    @Test
    default void specChangeBumpsGenerationAndMetadataChangeDoesNot() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));

        ObjectNode relabelled = store().update(ResourceTypes.SERVICE, edited(created, label("team", "a")));
        ObjectNode respecced = store().update(ResourceTypes.SERVICE, edited(relabelled, spec("x", "y")));

        assertThat(generation(relabelled)).isEqualTo(1);
        assertThat(resourceVersion(relabelled)).isNotEqualTo(resourceVersion(created));
        assertThat(generation(respecced)).isEqualTo(2);
    }

    @Test
    default void coreKindsStayWithoutGeneration() {
        ObjectNode created = store().create(ResourceTypes.CONFIGMAP, configMap("default", "settings"));
        ObjectNode changed = edited(created);
        changed.withObjectProperty("data").put("key", "other");

        ObjectNode updated = store().update(ResourceTypes.CONFIGMAP, changed);

        assertThat(updated.path("data").path("key").asText()).isEqualTo("other");
        assertThat(meta(updated).has("generation")).isFalse();
    }

    @Test
    default void noOpUpdateKeepsTheResourceVersion() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        long before = store().resourceVersion();

        ObjectNode updated = store().update(ResourceTypes.SERVICE, edited(created));

        assertThat(updated).isEqualTo(created);
        assertThat(store().resourceVersion()).isEqualTo(before);
    }

    @Test
    default void updateKeepsWhatTheStoreOwns() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        clock().advance(Duration.ofHours(1));
        ObjectNode forged = edited(created, spec("x", "y"));
        meta(forged).put("creationTimestamp", "2000-01-01T00:00:00Z").put("generation", 40)
                .put("deletionTimestamp", "2000-01-01T00:00:00Z");
        meta(forged).remove("uid");

        ObjectNode updated = store().update(ResourceTypes.SERVICE, forged);

        assertThat(uid(updated)).isEqualTo(uid(created));
        assertThat(meta(updated).path("creationTimestamp").asText()).isEqualTo("2026-11-22T03:21:00Z");
        assertThat(generation(updated)).isEqualTo(2);
        assertThat(meta(updated).has("deletionTimestamp")).isFalse();
    }

    @Test
    default void updateIgnoresStatusOfKindsWithStatusSubresource() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        ObjectNode withStatus = store().updateStatus(ResourceTypes.SERVICE, edited(created, status("url", "a")));

        ObjectNode updated = store().update(ResourceTypes.SERVICE,
                edited(withStatus, status("url", "b"), label("x", "y")));

        assertThat(updated.path("status").path("url").asText()).isEqualTo("a");
        assertThat(updated.path("metadata").path("labels").path("x").asText()).isEqualTo("y");
    }

    @Test
    default void updateOnlyStatusIsNoOp() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));

        ObjectNode updated = store().update(ResourceTypes.SERVICE, edited(created, status("url", "b")));

        assertThat(resourceVersion(updated)).isEqualTo(resourceVersion(created));
        assertThat(updated.has("status")).isFalse();
    }
}

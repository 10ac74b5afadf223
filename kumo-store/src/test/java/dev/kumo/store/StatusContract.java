package dev.kumo.store;

import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.generation;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.resourceVersion;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.spec;
import static dev.kumo.store.TestObjects.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import org.junit.jupiter.api.Test;

/** Writing status apart from the rest: only status changes, under the same concurrency rules. */
public interface StatusContract extends StoreFixture {

    @Test
    default void updateStatusTakesOnlyTheStatus() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));

        ObjectNode updated = store().updateStatus(ResourceTypes.SERVICE,
                edited(created, status("url", "http://hello"), spec("x", "ignored"), label("ignored", "yes")));

        assertThat(updated.path("status").path("url").asText()).isEqualTo("http://hello");
        assertThat(updated.path("spec")).isEqualTo(created.path("spec"));
        assertThat(updated.path("metadata").has("labels")).isFalse();
        assertThat(generation(updated)).isEqualTo(1);
        assertThat(resourceVersion(updated)).isNotEqualTo(resourceVersion(created));
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).contains(updated);
    }

    @Test
    default void staleStatusUpdateIsConflict() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        store().updateStatus(ResourceTypes.SERVICE, edited(created, status("url", "a")));

        ApiException failure = failure(() ->
                store().updateStatus(ResourceTypes.SERVICE, edited(created, status("url", "b"))));

        assertThat(failure.reason()).isEqualTo(StatusReason.Conflict);
        assertThat(failure.getMessage()).contains("the object has been modified");
    }

    @Test
    default void unchangedStatusIsNoOp() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        ObjectNode first = store().updateStatus(ResourceTypes.SERVICE, edited(created, status("url", "a")));
        long before = store().resourceVersion();

        ObjectNode second = store().updateStatus(ResourceTypes.SERVICE, edited(first));

        assertThat(second).isEqualTo(first);
        assertThat(store().resourceVersion()).isEqualTo(before);
    }

    @Test
    default void statusOfMissingObjectIsNotFound() {
        ApiException failure = failure(() ->
                store().updateStatus(ResourceTypes.SERVICE, service("default", "hello", status("url", "a"))));

        assertThat(failure.reason()).isEqualTo(StatusReason.NotFound);
    }
}

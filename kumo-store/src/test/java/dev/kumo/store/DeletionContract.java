package dev.kumo.store;

import static dev.kumo.store.TestObjects.edited;
import static dev.kumo.store.TestObjects.finalizers;
import static dev.kumo.store.TestObjects.label;
import static dev.kumo.store.TestObjects.meta;
import static dev.kumo.store.TestObjects.resourceVersion;
import static dev.kumo.store.TestObjects.service;
import static dev.kumo.store.TestObjects.uid;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Deleting one object: preconditions, and finalizers holding the deletion until the last one is removed. */
public interface DeletionContract extends StoreFixture {

    @Test
    default void deleteOfMissingObjectIsNotFound() {
        ApiException failure = failure(() ->
                store().delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT));

        assertThat(failure.reason()).isEqualTo(StatusReason.NotFound);
        assertThat(failure).hasMessage("services.serving.knative.dev \"hello\" not found");
    }

    @Test
    default void deleteRemovesAndReturnsTheLastStateWithANewVersion() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));

        ObjectNode deleted = store().delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);

        assertThat(uid(deleted)).isEqualTo(uid(created));
        assertThat(resourceVersion(deleted)).isEqualTo(Long.toString(store().resourceVersion()));
        assertThat(Long.parseLong(resourceVersion(deleted))).isGreaterThan(Long.parseLong(resourceVersion(created)));
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).isEmpty();
    }

    @Test
    default void unmetPreconditionsAreConflicts() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        DeleteOptions otherUid = new DeleteOptions(Optional.of("other"), Optional.empty(),
                DeleteOptions.Propagation.Background);
        DeleteOptions oldVersion = new DeleteOptions(Optional.of(uid(created)), Optional.of("0"),
                DeleteOptions.Propagation.Background);

        ApiException uidFailure = failure(() -> store().delete(ResourceTypes.SERVICE, "default", "hello", otherUid));
        ApiException versionFailure = failure(() ->
                store().delete(ResourceTypes.SERVICE, "default", "hello", oldVersion));

        assertThat(uidFailure.reason()).isEqualTo(StatusReason.Conflict);
        assertThat(uidFailure.getMessage()).contains("UID in precondition: other");
        assertThat(versionFailure.reason()).isEqualTo(StatusReason.Conflict);
        assertThat(versionFailure.getMessage()).contains("ResourceVersion in precondition: 0");
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).isPresent();
    }

    @Test
    default void metPreconditionsDelete() {
        ObjectNode created = store().create(ResourceTypes.SERVICE, service("default", "hello"));
        DeleteOptions exact = new DeleteOptions(Optional.of(uid(created)), Optional.of(resourceVersion(created)),
                DeleteOptions.Propagation.Background);

        store().delete(ResourceTypes.SERVICE, "default", "hello", exact);

        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).isEmpty();
    }

    @Test
    default void finalizersHoldTheDeletionUntilTheLastIsRemoved() {
        store().create(ResourceTypes.SERVICE, service("default", "hello", finalizers("a.dev/one", "b.dev/two")));

        ObjectNode marked = store().delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);
        clock().advance(Duration.ofMinutes(1));
        ObjectNode markedAgain = store().delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);
        ObjectNode oneLeft = store().update(ResourceTypes.SERVICE, edited(markedAgain, finalizers("b.dev/two")));

        assertThat(meta(marked).path("deletionTimestamp").asText()).isEqualTo("2026-11-22T03:21:00Z");
        assertThat(markedAgain).isEqualTo(marked);
        assertThat(meta(oneLeft).path("deletionTimestamp").asText()).isEqualTo("2026-11-22T03:21:00Z");
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).contains(oneLeft);

        ObjectNode removed = store().update(ResourceTypes.SERVICE, edited(oneLeft, finalizers()));

        assertThat(removed.path("metadata").path("finalizers")).isEmpty();
        assertThat(store().get(ResourceTypes.SERVICE, "default", "hello")).isEmpty();
    }

    @Test
    default void objectsBeingDeletedCanChangeButGainNoFinalizers() {
        store().create(ResourceTypes.SERVICE, service("default", "hello", finalizers("a.dev/one")));
        ObjectNode marked = store().delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);

        ObjectNode relabelled = store().update(ResourceTypes.SERVICE, edited(marked, label("x", "y")));
        ApiException failure = failure(() -> store().update(ResourceTypes.SERVICE,
                edited(relabelled, finalizers("a.dev/one", "c.dev/new"))));

        assertThat(meta(relabelled).path("deletionTimestamp").asText()).isEqualTo("2026-11-22T03:21:00Z");
        assertThat(failure.reason()).isEqualTo(StatusReason.Invalid);
        assertThat(failure.getMessage()).contains("no new finalizers");
    }
}

package dev.kumo.controller.eventtype;

import static dev.kumo.api.eventing.lifecycle.EventTypeConditions.REFERENCE_EXISTS;
import static dev.kumo.api.eventing.lifecycle.EventTypeConditions.SET;

import dev.kumo.api.duck.KReference;
import dev.kumo.api.eventing.EventType;
import dev.kumo.api.eventing.EventTypeStatus;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Marks ReferenceExists as Knative's EventType reconciler does: True when {@code spec.reference} names an object
 * that exists (True, ReferenceNotSet, when there is none), False ResourceDoesNotExist otherwise.
 */
public final class EventTypeReconciler implements Reconciler {

    private final TypedStore<EventType> eventTypes;
    private final ResourceStore store;
    private final List<ResourceType> referable;
    private final InstantSource clock;

    EventTypeReconciler(TypedStore<EventType> eventTypes, ResourceStore store, List<ResourceType> referable,
            InstantSource clock) {
        this.eventTypes = eventTypes;
        this.store = store;
        this.referable = referable;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<EventType> found = eventTypes.get(key.namespace(), key.name());
        if (found.isEmpty() || found.get().metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        EventType eventType = found.get();
        List<Condition> conditions = SET.initialize(eventType.status() == null ? null
                : eventType.status().conditions(), clock);
        KReference reference = eventType.spec() == null ? null : eventType.spec().reference();
        if (reference == null || reference.name() == null || reference.name().isEmpty()) {
            conditions = SET.markTrueWithReason(conditions, REFERENCE_EXISTS, "ReferenceNotSet",
                    "spec.reference is not set", clock);
        } else if (exists(reference, key.namespace())) {
            conditions = SET.markTrue(conditions, REFERENCE_EXISTS, clock);
        } else {
            conditions = SET.markFalse(conditions, REFERENCE_EXISTS, "ResourceDoesNotExist",
                    "Resource in spec.reference does not exist", clock);
        }
        EventTypeStatus previous = eventType.status() == null ? EventTypeStatus.EMPTY : eventType.status();
        eventTypes.updateStatusIfChanged(eventType, eventType.withStatus(new EventTypeStatus(
                eventType.metadata().generation(), conditions, previous.annotations())), EventType::status);
        return Result.done();
    }

    private boolean exists(KReference reference, String namespace) {
        String in = reference.namespace() == null || reference.namespace().isEmpty() ? namespace
                : reference.namespace();
        return referable.stream()
                .filter(t -> t.kind().equals(reference.kind()) && t.apiVersion().equals(reference.apiVersion()))
                .anyMatch(t -> store.get(t, in, reference.name()).isPresent());
    }
}

package dev.kumo.controller.revision;

import dev.kumo.controller.events.EventRecorder;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Revision;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyQueue;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.InstantSource;

/** Wires the Revision reconciler: Revisions are its primary kind, and the runtime's state changes enqueue them. */
public final class RevisionController {

    public static final String NAME = "revisions";

    private RevisionController() {
    }

    /**
     * Registers the controller with {@code engine}; a Revision without its own progress-deadline annotation gets
     * {@code defaultProgressDeadline}.
     */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, RevisionInstances instances,
            Duration defaultProgressDeadline) {
        KeyQueue queue = engine.register(Controller.of(NAME, ResourceTypes.REVISION,
                reconciler(store, clock, instances, defaultProgressDeadline)));
        instances.onChange(queue::enqueue);
    }

    /** As {@link #register}, resolving each Revision's image tags to digests through {@code images} first. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, RevisionInstances instances,
            Duration defaultProgressDeadline, ImageResolver images) {
        RevisionReconciler reconciler = reconciler(store, clock, instances, defaultProgressDeadline, images);
        KeyQueue queue = engine.register(Controller.of(NAME, ResourceTypes.REVISION, reconciler));
        instances.onChange(queue::enqueue);
        reconciler.onDigests(queue::enqueue);
    }

    /** As {@link #register(Engine, ResourceStore, InstantSource, RevisionInstances, Duration, ImageResolver)}, its
     * readiness recorded as Events through {@code events}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, RevisionInstances instances,
            Duration defaultProgressDeadline, ImageResolver images, EventRecorder events) {
        RevisionReconciler reconciler = reconciler(store, clock, instances, defaultProgressDeadline, images);
        reconciler.recordTo(events);
        KeyQueue queue = engine.register(Controller.of(NAME, ResourceTypes.REVISION, reconciler));
        instances.onChange(queue::enqueue);
        reconciler.onDigests(queue::enqueue);
    }

    /** The reconciler alone, for tests that call it directly. */
    public static RevisionReconciler reconciler(ResourceStore store, InstantSource clock,
            RevisionInstances instances, Duration defaultProgressDeadline) {
        return new RevisionReconciler(new TypedStore<>(store, ResourceTypes.REVISION, Revision.class), instances,
                clock, defaultProgressDeadline);
    }

    /** The reconciler alone, resolving image tags through {@code images}, for tests that call it directly. */
    public static RevisionReconciler reconciler(ResourceStore store, InstantSource clock,
            RevisionInstances instances, Duration defaultProgressDeadline, ImageResolver images) {
        return new RevisionReconciler(new TypedStore<>(store, ResourceTypes.REVISION, Revision.class), instances,
                clock, defaultProgressDeadline, images);
    }
}

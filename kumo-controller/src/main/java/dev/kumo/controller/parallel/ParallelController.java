package dev.kumo.controller.parallel;

import dev.kumo.api.flows.Parallel;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.flow.FlowChildren;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Parallel reconciler: Parallels, and the channels and Subscriptions they control. */
public final class ParallelController {

    public static final String NAME = "parallels";

    private ParallelController() {
    }

    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        engine.register(Controller.of(NAME, ResourceTypes.PARALLEL, reconciler(store, clock))
                .owning(ResourceTypes.IN_MEMORY_CHANNEL).owning(ResourceTypes.SUBSCRIPTION));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static ParallelReconciler reconciler(ResourceStore store, InstantSource clock) {
        TypedStore<Parallel> parallels = new TypedStore<>(store, ResourceTypes.PARALLEL, Parallel.class);
        return new ParallelReconciler(parallels, new FlowChildren<>(parallels,
                new TypedStore<>(store, ResourceTypes.IN_MEMORY_CHANNEL, InMemoryChannel.class),
                new TypedStore<>(store, ResourceTypes.SUBSCRIPTION, Subscription.class), clock), clock);
    }
}

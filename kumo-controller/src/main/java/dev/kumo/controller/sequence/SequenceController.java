package dev.kumo.controller.sequence;

import dev.kumo.api.flows.Sequence;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.flow.FlowChildren;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Sequence reconciler: Sequences, and the channels and Subscriptions they control. */
public final class SequenceController {

    public static final String NAME = "sequences";

    private SequenceController() {
    }

    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        engine.register(Controller.of(NAME, ResourceTypes.SEQUENCE, reconciler(store, clock))
                .owning(ResourceTypes.IN_MEMORY_CHANNEL).owning(ResourceTypes.SUBSCRIPTION));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SequenceReconciler reconciler(ResourceStore store, InstantSource clock) {
        TypedStore<Sequence> sequences = new TypedStore<>(store, ResourceTypes.SEQUENCE, Sequence.class);
        return new SequenceReconciler(sequences, new FlowChildren<>(sequences,
                new TypedStore<>(store, ResourceTypes.IN_MEMORY_CHANNEL, InMemoryChannel.class),
                new TypedStore<>(store, ResourceTypes.SUBSCRIPTION, Subscription.class), clock), clock);
    }
}

package dev.kumo.controller.subscription;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Subscription reconciler: Subscriptions, and the channels and addressables they name. */
public final class SubscriptionController {

    public static final String NAME = "subscriptions";

    private SubscriptionController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock) {
        Tracker tracker = new Tracker();
        engine.register(DestinationResolver.watchingAddressables(
                Controller.of(NAME, ResourceTypes.SUBSCRIPTION, reconciler(store, clock, tracker)), tracker));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static SubscriptionReconciler reconciler(ResourceStore store, InstantSource clock, Tracker tracker) {
        return new SubscriptionReconciler(new TypedStore<>(store, ResourceTypes.SUBSCRIPTION, Subscription.class),
                new SubscribableChannels(new TypedStore<>(store, ResourceTypes.CHANNEL, Channel.class),
                        new TypedStore<>(store, ResourceTypes.IN_MEMORY_CHANNEL, InMemoryChannel.class)),
                new DestinationResolver(store), tracker, clock);
    }
}

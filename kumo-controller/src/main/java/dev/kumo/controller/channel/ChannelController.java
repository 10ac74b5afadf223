package dev.kumo.controller.channel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.DestinationResolver;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;
import java.util.List;

/**
 * Wires the InMemoryChannel reconciler (primary kind InMemoryChannel; the addressables its dead-letter sink names;
 * the Subscriptions of the channel, or of the Channel it backs, whose delivery order annotation it reads)
 * and the Channel reconciler (primary kind Channel; the InMemoryChannels it controls).
 */
public final class ChannelController {

    public static final String IN_MEMORY_CHANNELS = "inmemorychannels";
    public static final String CHANNELS = "channels";

    private ChannelController() {
    }

    /** Registers both controllers with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, ChannelDataPlane dataPlane) {
        Tracker tracker = new Tracker();
        engine.register(DestinationResolver.watchingAddressables(Controller.of(IN_MEMORY_CHANNELS,
                ResourceTypes.IN_MEMORY_CHANNEL, inMemoryChannels(store, clock, dataPlane, tracker)), tracker)
                .watching(ResourceTypes.SUBSCRIPTION, ChannelController::subscribedChannel));
        engine.register(Controller.of(CHANNELS, ResourceTypes.CHANNEL, channels(store, clock))
                .owning(ResourceTypes.IN_MEMORY_CHANNEL));
    }

    /** The InMemoryChannel reconciler alone, for tests that call it directly. */
    public static InMemoryChannelReconciler inMemoryChannels(ResourceStore store, InstantSource clock,
            ChannelDataPlane dataPlane, Tracker tracker) {
        return new InMemoryChannelReconciler(new TypedStore<>(store, ResourceTypes.IN_MEMORY_CHANNEL,
                InMemoryChannel.class), new TypedStore<>(store, ResourceTypes.SUBSCRIPTION, Subscription.class),
                new DestinationResolver(store), tracker, dataPlane, clock);
    }

    /**
     * The InMemoryChannel a Subscription reads: its {@code spec.channel}, or the Channel's backing InMemoryChannel,
     * which has the Channel's name.
     */
    private static List<NamespacedName> subscribedChannel(ObjectNode subscription) {
        JsonNode channel = subscription.path("spec").path("channel");
        String name = channel.path("name").asText("");
        if (name.isEmpty()) {
            return List.of();
        }
        String own = subscription.path("metadata").path("namespace").asText("");
        String namespace = channel.path("namespace").asText("");
        return List.of(new NamespacedName(namespace.isEmpty() ? own : namespace, name));
    }

    /** The Channel reconciler alone, for tests that call it directly. */
    public static ChannelReconciler channels(ResourceStore store, InstantSource clock) {
        return new ChannelReconciler(new TypedStore<>(store, ResourceTypes.CHANNEL, Channel.class),
                new TypedStore<>(store, ResourceTypes.IN_MEMORY_CHANNEL, InMemoryChannel.class), clock);
    }
}

package dev.kumo.server;

import dev.kumo.api.messaging.ChannelDefaults;

/**
 * How Eventing runs in the server.
 *
 * @param on whether Eventing runs (the event mesh and the Broker, Trigger and source controllers)
 * @param address the brokers' ingress host:port: Brokers answer at {@code http://HOST:PORT/NAMESPACE/NAME}
 * @param maxInFlightPerTrigger deliveries under way at once per Trigger, so a slow subscriber cannot exhaust memory
 * @param sourcesCrossNamespace whether ApiServerSources may read other namespaces than their own and
 *     cluster-scoped kinds when they name no serviceAccountName but default ({@code apiserversource-cross-namespace})
 * @param defaultChannel the channel template Channels, Sequences and Parallels get when they name none (Knative's
 *     {@code default-ch-webhook} {@code clusterDefault}; InMemoryChannel unless configured)
 */
public record EventingConfig(boolean on, ServerConfig.HostPort address, int maxInFlightPerTrigger,
        boolean sourcesCrossNamespace, ChannelDefaults defaultChannel) {

    /** Deliveries in flight per Trigger unless configured (the event mesh's default). */
    public static final int DEFAULT_MAX_IN_FLIGHT = 100;

    public EventingConfig {
        java.util.Objects.requireNonNull(defaultChannel, "defaultChannel");
        if (maxInFlightPerTrigger < 1 || maxInFlightPerTrigger > 10_000) {
            throw new IllegalArgumentException("eventing-max-in-flight: invalid value " + maxInFlightPerTrigger
                    + ": want a number from 1 to 10000");
        }
    }

    /** Eventing on at {@code address} with the default bound, sources reading their own namespace only. */
    public static EventingConfig on(ServerConfig.HostPort address) {
        return new EventingConfig(true, address, DEFAULT_MAX_IN_FLIGHT, false, ChannelDefaults.IN_MEMORY_CHANNEL);
    }

    /** These settings, ApiServerSources reading other namespaces or not. */
    public EventingConfig withSourcesCrossNamespace(boolean value) {
        return new EventingConfig(on, address, maxInFlightPerTrigger, value, defaultChannel);
    }
}

package dev.kumo.eventing.api;

import java.util.Optional;

/**
 * A channel's identity: namespace and name. Its events share the event log with the brokers' under a stream key no
 * Kubernetes name can equal ({@code channel:NAME}: ':' is not allowed in object names).
 */
public record ChannelRef(String namespace, String name) {

    private static final String STREAM_PREFIX = "channel:";

    public ChannelRef {
        Names.check("channel namespace", namespace);
        Names.check("channel name", name);
    }

    /** The key this channel's events are stored and read under in the event log. */
    public BrokerRef stream() {
        return new BrokerRef(namespace, STREAM_PREFIX + name);
    }

    /** Whether {@code stream} is a channel's (rather than a broker's). */
    public static boolean isChannel(BrokerRef stream) {
        return stream.name().startsWith(STREAM_PREFIX);
    }

    /** The channel whose stream {@code stream} is; empty for a broker's. */
    public static Optional<ChannelRef> ofStream(BrokerRef stream) {
        return isChannel(stream) ? Optional.of(new ChannelRef(stream.namespace(),
                stream.name().substring(STREAM_PREFIX.length()))) : Optional.empty();
    }

    /**
     * The position key of one subscriber of this channel in the log: the channel and the Subscription's uid, so that
     * one uid on two channels (as an embedder may give) stays two subscribers.
     */
    public TriggerRef subscriber(String uid) {
        return new TriggerRef(namespace, "subscription:" + name + ":" + uid);
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}

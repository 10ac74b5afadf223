package dev.kumo.eventing.api;

import java.util.Optional;

/**
 * A channel's identity: namespace and name. Its events share the event log with the brokers' under a stream key no
 * Kubernetes name can equal ({@code channel:NAME}: ':' is not allowed in object names).
 */
public record ChannelRef(String namespace, String name) {

    private static final String STREAM_PREFIX = "channel:";
    private static final String SUBSCRIBER_PREFIX = "subscription:";

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
        return new TriggerRef(namespace, SUBSCRIBER_PREFIX + name + ":" + uid);
    }

    /**
     * The Subscription uid in a subscriber's key ({@link #subscriber}'s {@code subscription:CHANNEL:UID}); empty for
     * a Trigger's name, which has no ':'.
     */
    public static Optional<String> subscriptionUid(String subscriber) {
        return subscriber.startsWith(SUBSCRIBER_PREFIX)
                ? Optional.of(subscriber.substring(subscriber.lastIndexOf(':') + 1)) : Optional.empty();
    }

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}

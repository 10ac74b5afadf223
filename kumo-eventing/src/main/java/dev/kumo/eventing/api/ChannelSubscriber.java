package dev.kumo.eventing.api;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the data plane needs of one channel subscriber ({@code spec.subscribers[]}): the Subscription's uid, where
 * events go (empty for a Subscription with a reply only: events then go to the reply as they are), where the
 * subscriber's replies go, the delivery in effect (the Subscription's, else the channel's) and the order events are
 * delivered in.
 */
public record ChannelSubscriber(String uid, Optional<URI> subscriber, Optional<URI> reply, DeliverySpec delivery,
        DeliveryOrder order) {

    /** An unordered subscriber. */
    public ChannelSubscriber(String uid, Optional<URI> subscriber, Optional<URI> reply, DeliverySpec delivery) {
        this(uid, subscriber, reply, delivery, DeliveryOrder.UNORDERED);
    }

    public ChannelSubscriber {
        Names.check("subscriber uid", uid);
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(order, "order");
        if (subscriber.isEmpty() && reply.isEmpty()) {
            throw new IllegalArgumentException("channel subscriber " + uid + " has neither a subscriber nor a reply");
        }
    }
}

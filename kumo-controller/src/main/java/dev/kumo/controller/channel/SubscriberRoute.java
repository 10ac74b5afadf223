package dev.kumo.controller.channel;

import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.controller.duck.Delivery;
import java.net.URI;
import java.util.Optional;

/**
 * One subscriber of a channel as the data plane gets it (from {@code spec.subscribers[]}): the Subscription's uid,
 * the subscriber and reply URIs (at least one), the delivery, its dead-letter sink resolved, and the delivery order
 * the Subscription's annotation asks for.
 */
public record SubscriberRoute(String uid, Optional<URI> subscriber, Optional<URI> reply, Delivery delivery,
        DeliveryOrder order) {
}

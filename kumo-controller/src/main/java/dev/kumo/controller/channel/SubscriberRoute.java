package dev.kumo.controller.channel;

import dev.kumo.controller.duck.Delivery;
import java.net.URI;
import java.util.Optional;

/**
 * One subscriber of a channel as the data plane gets it (from {@code spec.subscribers[]}): the Subscription's uid,
 * the subscriber and reply URIs (at least one) and the delivery, its dead-letter sink resolved.
 */
public record SubscriberRoute(String uid, Optional<URI> subscriber, Optional<URI> reply, Delivery delivery) {
}

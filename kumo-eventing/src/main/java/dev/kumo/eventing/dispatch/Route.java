package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.delivery.Delivery;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.function.Predicate;

/** Where a Trigger sends what: its filter, its subscriber and its resolved delivery. */
public record Route(Predicate<CloudEvent> filter, URI subscriber, Delivery delivery) {
}

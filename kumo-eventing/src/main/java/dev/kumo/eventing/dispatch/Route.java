package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.delivery.Delivery;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.function.Predicate;

/** Where a Trigger or channel subscriber sends what: its filter, its subscriber, its delivery and where replies go. */
public record Route(Predicate<CloudEvent> filter, URI subscriber, Delivery delivery, ReplyRoute reply) {

    /** A Trigger's route: replies go back into its broker. */
    public Route(Predicate<CloudEvent> filter, URI subscriber, Delivery delivery) {
        this(filter, subscriber, delivery, ReplyRoute.INTO_BROKER);
    }
}

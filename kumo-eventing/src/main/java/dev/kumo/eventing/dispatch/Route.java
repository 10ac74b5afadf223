package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.DeliveryOrder;
import dev.kumo.eventing.delivery.Delivery;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Where a Trigger or channel subscriber sends what: its filter, its subscriber, its delivery, where replies go and in
 * what order events are delivered.
 */
public record Route(Predicate<CloudEvent> filter, URI subscriber, Delivery delivery, ReplyRoute reply,
        DeliveryOrder order) {

    public Route {
        Objects.requireNonNull(order, "order");
    }

    /** An unordered route. */
    public Route(Predicate<CloudEvent> filter, URI subscriber, Delivery delivery, ReplyRoute reply) {
        this(filter, subscriber, delivery, reply, DeliveryOrder.UNORDERED);
    }

    /** A Trigger's unordered route: replies go back into its broker. */
    public Route(Predicate<CloudEvent> filter, URI subscriber, Delivery delivery) {
        this(filter, subscriber, delivery, ReplyRoute.INTO_BROKER);
    }
}

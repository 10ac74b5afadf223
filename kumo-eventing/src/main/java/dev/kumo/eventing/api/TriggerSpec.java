package dev.kumo.eventing.api;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What the data plane needs of a Trigger: which Broker it reads, the filter each event is evaluated against once,
 * the resolved subscriber URL, its delivery spec ({@link DeliverySpec#NONE} to use the Broker's) and the order its
 * events are delivered in.
 */
public record TriggerSpec(TriggerRef ref, String broker, Predicate<CloudEvent> filter, URI subscriber,
        DeliverySpec delivery, DeliveryOrder order) {

    /** An unordered Trigger. */
    public TriggerSpec(TriggerRef ref, String broker, Predicate<CloudEvent> filter, URI subscriber,
            DeliverySpec delivery) {
        this(ref, broker, filter, subscriber, delivery, DeliveryOrder.UNORDERED);
    }

    public TriggerSpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(subscriber, "subscriber");
        Objects.requireNonNull(delivery, "delivery");
        Objects.requireNonNull(order, "order");
        Names.check("trigger broker", broker);
        if (!subscriber.isAbsolute() || subscriber.getHost() == null) {
            throw new IllegalArgumentException("trigger " + ref + " subscriber is '" + subscriber
                    + "': want an absolute http URL such as http://127.0.0.1:8080/");
        }
    }

    /** The Broker this Trigger reads (same namespace). */
    public BrokerRef brokerRef() {
        return new BrokerRef(ref.namespace(), broker);
    }
}

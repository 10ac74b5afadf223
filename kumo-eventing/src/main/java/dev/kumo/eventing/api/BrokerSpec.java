package dev.kumo.eventing.api;

import java.util.Objects;

/** What the data plane needs of a Broker: its identity and the delivery its Triggers default to. */
public record BrokerSpec(BrokerRef ref, DeliverySpec delivery) {

    public BrokerSpec {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(delivery, "delivery");
    }

    /** A Broker with no delivery spec of its own (its Triggers get the mesh's default). */
    public BrokerSpec(BrokerRef ref) {
        this(ref, DeliverySpec.NONE);
    }
}

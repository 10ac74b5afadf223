package dev.kumo.controller.eventing;

import dev.kumo.controller.broker.BrokerDataPlane;
import dev.kumo.controller.trigger.TriggerDataPlane;
import java.util.Objects;

/** Everything the eventing reconcilers drive outside the store, one seam per kind. */
public record EventingDataPlane(BrokerDataPlane brokers, TriggerDataPlane triggers) {

    public EventingDataPlane {
        Objects.requireNonNull(brokers, "brokers");
        Objects.requireNonNull(triggers, "triggers");
    }
}

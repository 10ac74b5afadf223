package dev.kumo.controller.broker;

import dev.kumo.controller.duck.Delivery;
import dev.kumo.controller.engine.NamespacedName;
import java.net.URI;

/** What the Broker reconciler needs of the event mesh (kumo-eventing implements it). Calls must be idempotent. */
public interface BrokerDataPlane {

    /** Serves {@code broker} with {@code delivery} as its Triggers' default; returns its ingress URL. */
    URI upsert(NamespacedName broker, Delivery delivery);

    /** The Broker is gone: its ingress answers 404 from now on. */
    void remove(NamespacedName broker);
}

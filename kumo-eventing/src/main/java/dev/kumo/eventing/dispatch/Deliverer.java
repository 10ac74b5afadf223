package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.log.StoredEvent;
import io.vertx.core.Vertx;
import java.time.InstantSource;

/** What every event delivery shares: the Vert.x timers, the pooled client, the reply path, counters and clock. */
record Deliverer(Vertx vertx, SubscriberClient client, Replies replies, EventCounters counters,
        InstantSource clock) {

    /** Starts delivering {@code stored} by {@code route}, reporting to {@code tracker}. */
    void start(BrokerRef broker, TriggerRef trigger, Route route, StoredEvent stored, DeliveryTracker tracker) {
        new EventDispatch(this, broker, trigger, route, stored, tracker).start();
    }
}

package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.DeliveryNotices;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.log.StoredEvent;
import dev.kumo.eventing.tracing.EventTracing;
import io.opentelemetry.api.trace.Span;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.time.InstantSource;

/** What every event delivery shares: the Vert.x timers, the pooled client, the shortcut to the mesh's own channels, the reply path, counters and clock. */
record Deliverer(Vertx vertx, SubscriberClient client, LocalChannels local, Replies replies,
        EventCounters counters, InstantSource clock, DeliveryNotices notices, EventTracing tracing) {

    /** One attempt: appended to the log for one of this mesh's channels, else sent by the client. */
    Future<Outcome> send(URI target, CloudEvent event, Duration timeout, boolean preferReply) {
        Optional<BrokerRef> stream = local.streamOf(target);
        return stream.isPresent() ? local.append(stream.get(), event)
                : client.send(target, event, timeout, preferReply);
    }

    /** Starts delivering {@code stored} by {@code route}, reporting to {@code tracker}, within {@code span}. */
    void start(BrokerRef broker, TriggerRef trigger, Route route, StoredEvent stored, DeliveryTracker tracker,
            Span span) {
        new EventDispatch(this, broker, trigger, route, stored, tracker, span).start();
    }
}

package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.delivery.KnativeExtensions;
import dev.kumo.eventing.log.EventLog;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/**
 * Puts a subscriber's reply back into the broker, with one hop less of {@code knativebrokerttl} than the event it
 * answers; a reply whose TTL runs out is dropped (counted) and the delivery still counts as done.
 */
final class Replies {

    private final EventLog log;
    private final InstantSource clock;
    private final EventCounters counters;

    Replies(EventLog log, InstantSource clock, EventCounters counters) {
        this.log = log;
        this.clock = clock;
        this.counters = counters;
    }

    /** Completes once the reply is durable (or dropped for its TTL); fails when storing it failed. */
    CompletableFuture<Void> store(BrokerRef broker, CloudEvent answered, CloudEvent reply) {
        int ttl = KnativeExtensions.ttl(answered).orElse(KnativeExtensions.DEFAULT_TTL) - 1;
        if (ttl <= 0) {
            counters.repliesExpired.increment();
            return CompletableFuture.completedFuture(null);
        }
        Instant arrival = clock.instant();
        return log.append(broker, KnativeExtensions.stamp(reply, arrival, ttl), arrival)
                .thenRun(counters.replies::increment);
    }
}

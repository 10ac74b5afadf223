package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionOwners;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * One revision's Micrometer meters (tags {@code namespace}, {@code revision}, {@code service},
 * {@code configuration}: one set per routed Revision, nothing per request); in Prometheus terms:
 * <ul>
 *   <li>{@code kumo_router_requests_total{code_class="2xx"}}: answered requests by status class</li>
 *   <li>{@code kumo_router_request_duration_seconds}: arrival → first response byte, a histogram</li>
 *   <li>{@code kumo_router_in_flight_requests}: requests in the router now (held, queued or at an instance)</li>
 *   <li>{@code kumo_activator_held_requests}: requests held for want of a ready instance</li>
 *   <li>{@code kumo_cold_start_seconds}: arrival at a revision with no ready instance → first response byte</li>
 * </ul>
 * Removed from the registry when the revision is no longer routed.
 */
final class RevisionMeters {

    static final String REQUESTS = "kumo.router.requests";
    static final String DURATION = "kumo.router.request.duration";
    static final String IN_FLIGHT = "kumo.router.in.flight.requests";
    static final String HELD = "kumo.activator.held.requests";
    static final String COLD_START = "kumo.cold.start";

    private static final Duration[] LATENCY_BUCKETS = seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5, 5, 10, 30, 60, 300);
    private static final Duration[] COLD_START_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120,
            300);

    private final MeterRegistry registry;
    private final Tags tags;
    private final Counter[] byClass = new Counter[6];
    private final Timer duration;
    private final Timer coldStart;
    private final List<Meter> registered = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    RevisionMeters(MeterRegistry registry, RevisionId revision, RevisionOwners.Owners owners, IntSupplier inFlight,
            IntSupplier held) {
        this.registry = registry;
        this.tags = RevisionOwners.tags(revision, owners);
        this.duration = add(Timer.builder(DURATION).description("Router-side latency to the first response byte")
                .tags(tags).serviceLevelObjectives(LATENCY_BUCKETS).register(registry));
        this.coldStart = add(Timer.builder(COLD_START).description("Arrival at a revision with no ready instance "
                + "to the first response byte").tags(tags).serviceLevelObjectives(COLD_START_BUCKETS)
                .register(registry));
        add(Gauge.builder(IN_FLIGHT, inFlight, IntSupplier::getAsInt).description("Requests in the router: held, "
                + "queued or at an instance").tags(tags).strongReference(true).register(registry));
        add(Gauge.builder(HELD, held, IntSupplier::getAsInt).description("Requests held by the activator for want "
                + "of a ready instance").tags(tags).strongReference(true).register(registry));
    }

    /** The response head went out (or the router answered itself) {@code latencyNanos} after arrival. */
    void firstByte(int status, long latencyNanos, boolean atZero) {
        int statusClass = status / 100;
        if (statusClass < 1 || statusClass > 5 || closed) {
            return;
        }
        Counter counter = byClass[statusClass];
        if (counter == null) {
            // Racy but idempotent: Micrometer hands out the registered counter for the same name and tags.
            counter = add(Counter.builder(REQUESTS).description("Requests answered, by status class").tags(tags)
                    .tag("code_class", statusClass + "xx").register(registry));
            byClass[statusClass] = counter;
        }
        counter.increment();
        duration.record(latencyNanos, TimeUnit.NANOSECONDS);
        if (atZero) {
            coldStart.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** Removes every meter of this revision from the registry. */
    void close() {
        closed = true;
        registered.forEach(registry::remove);
    }

    private <M extends Meter> M add(M meter) {
        if (!registered.contains(meter)) {
            registered.add(meter);
        }
        return meter;
    }

    private static Duration[] seconds(double... values) {
        Duration[] durations = new Duration[values.length];
        for (int i = 0; i < values.length; i++) {
            durations[i] = Duration.ofNanos((long) (values[i] * 1e9));
        }
        return durations;
    }
}

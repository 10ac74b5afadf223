package dev.kumo.server.eventing;

import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.api.MeshCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/** The mesh's counters as Micrometer counters ({@code kumo_eventing_events_*_total} in the Prometheus scrape). */
final class MeshMeters implements AutoCloseable {

    private final MeterRegistry registry;
    private final List<Meter> meters = new ArrayList<>();

    private MeshMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    static MeshMeters register(MeterRegistry registry, EventMesh mesh) {
        MeshMeters meters = new MeshMeters(registry);
        meters.add(mesh, "accepted", "Events the brokers' ingress stored and answered 202",
                MeshCounters::accepted);
        meters.add(mesh, "delivered", "Deliveries a subscriber accepted (2xx)", MeshCounters::delivered);
        meters.add(mesh, "retries", "Delivery attempts that retried a failed one", MeshCounters::retries);
        meters.add(mesh, "dead.lettered", "Deliveries that ended at a dead-letter sink",
                MeshCounters::deadLettered);
        meters.add(mesh, "dropped", "Deliveries that failed for good with no dead-letter sink, or whose "
                + "sink failed too", MeshCounters::dropped);
        meters.add(mesh, "dispatch.failures", "Events a Trigger's dispatcher could not handle (unreadable, or an "
                + "unexpected exception), each logged once with the Trigger and event id, and failed passes of its loop",
                MeshCounters::dispatchFailures);
        meters.add(mesh, "literal.percent", "ce-* header values whose '%' started no valid escape, kept as sent",
                MeshCounters::literalPercent);
        meters.gauge(mesh);
        return meters;
    }

    private void add(EventMesh mesh, String name, String description,
            ToLongFunction<MeshCounters> count) {
        meters.add(FunctionCounter.builder("kumo.eventing.events." + name, mesh,
                m -> count.applyAsLong(m.counters())).description(description).register(registry));
    }

    /** Triggers whose dispatcher cannot move on right now. */
    private void gauge(EventMesh mesh) {
        meters.add(Gauge.builder("kumo.eventing.triggers.stuck", mesh, EventMesh::stuckTriggers)
                .description("Triggers whose dispatcher cannot move on (their Ready is False, reason DispatcherStuck)")
                .register(registry));
    }

    @Override
    public void close() {
        meters.forEach(registry::remove);
    }
}

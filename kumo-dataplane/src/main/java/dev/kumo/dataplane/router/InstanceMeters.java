package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionOwners;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-instance meters of one revision (tags {@code namespace}, {@code revision}, {@code service},
 * {@code configuration}, {@code instance} = host:port, bounded by the revision's instances, removed with them):
 * {@code kumo_router_instance_in_flight_requests} and {@code kumo_router_instance_requests_total}, read from the
 * instance's own counters at scrape time, so the request path pays nothing for them.
 */
final class InstanceMeters {

    static final String IN_FLIGHT = "kumo.router.instance.in.flight.requests";
    static final String REQUESTS = "kumo.router.instance.requests";

    private final MeterRegistry registry;
    private final Tags revisionTags;
    private final Map<Instance, List<Meter>> meters = new ConcurrentHashMap<>();

    InstanceMeters(MeterRegistry registry, RevisionId revision) {
        this(registry, revision, RevisionOwners.Owners.NONE);
    }

    InstanceMeters(MeterRegistry registry, RevisionId revision, RevisionOwners.Owners owners) {
        this.registry = registry;
        this.revisionTags = RevisionOwners.tags(revision, owners);
    }

    void added(Instance instance) {
        Tags tags = revisionTags.and("instance", instance.address.toString());
        meters.computeIfAbsent(instance, i -> List.of(
                Gauge.builder(IN_FLIGHT, i, Instance::inFlight).description("Requests in flight at the instance")
                        .tags(tags).register(registry),
                FunctionCounter.builder(REQUESTS, i, Instance::requests).description("Requests the instance took")
                        .tags(tags).register(registry)));
    }

    void removed(Instance instance) {
        List<Meter> gone = meters.remove(instance);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }

    /** Removes every instance's meters (the revision is no longer routed). */
    void close() {
        meters.keySet().forEach(this::removed);
    }
}

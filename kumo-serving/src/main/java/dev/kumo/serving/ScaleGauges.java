package dev.kumo.serving;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionOwners;
import dev.kumo.serving.scaling.RevisionScaling;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * Per-revision gauges of the autoscaler's work: {@code kumo_revision_desired_instances} (the count last decided)
 * and {@code kumo_revision_ready_instances} (ready, not draining), registered while a Revision is scaled; tags
 * {@code namespace}, {@code revision}, {@code service}, {@code configuration} (one pair of gauges per Revision).
 */
final class ScaleGauges implements RevisionScaling.Lifecycle {

    private final MeterRegistry registry;
    private final RevisionScaling scaling;
    private final ToIntFunction<RevisionId> ready;
    private final Map<RevisionId, List<Meter>> meters = new ConcurrentHashMap<>();
    private final RevisionOwners owners;

    private ScaleGauges(MeterRegistry registry, RevisionScaling scaling, ToIntFunction<RevisionId> ready,
            RevisionOwners owners) {
        this.owners = owners;
        this.registry = registry;
        this.scaling = scaling;
        this.ready = ready;
    }

    static void register(MeterRegistry registry, RevisionScaling scaling, ToIntFunction<RevisionId> ready,
            RevisionOwners owners) {
        scaling.onLifecycle(new ScaleGauges(registry, scaling, ready, owners));
    }

    @Override
    public void tracked(RevisionId revision) {
        Tags tags = RevisionOwners.tags(revision, owners.of(revision));
        meters.put(revision, List.of(
                Gauge.builder("kumo_revision_desired_instances", () -> scaling.lastDesired(revision))
                        .description("instances the autoscaler wants for the revision").tags(tags)
                        .register(registry),
                Gauge.builder("kumo_revision_ready_instances", () -> ready.applyAsInt(revision))
                        .description("ready instances of the revision").tags(tags).register(registry)));
    }

    @Override
    public void forgotten(RevisionId revision) {
        List<Meter> gone = meters.remove(revision);
        if (gone != null) {
            gone.forEach(registry::remove);
        }
    }
}

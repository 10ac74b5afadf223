package dev.kumo.serving;

import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.dataplane.api.RevisionOwners;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.serving.scaling.RevisionScaling;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.DoubleStream;

/**
 * The split of a cold start, per revision (tags {@code namespace}, {@code revision}, {@code service},
 * {@code configuration}; one set per scaled Revision):
 * {@code kumo_workload_start_seconds} (an instance's exec → ready, recorded when it becomes ready) and
 * {@code kumo_cold_start_platform_seconds} (the router's {@code kumo_cold_start_seconds} less that, see
 * {@link ColdStartSplit}); removed when the revision is no longer scaled. It watches instances twice: before the
 * endpoints, to split (a cold start's share may be told as soon as the router has the instance), and after them,
 * to record the start on its timer ({@link #recorder()}), so that a Ready instance reaches the router ~0.25 ms sooner.
 */
final class ColdStartMeters implements InstanceListener, Consumer<ColdStart>, RevisionScaling.Lifecycle {

    static final String WORKLOAD_START = "kumo.workload.start";
    static final String PLATFORM = "kumo.cold.start.platform";

    private static final Duration[] WORKLOAD_BUCKETS = seconds(0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120,
            300);
    private static final Duration[] PLATFORM_BUCKETS = seconds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5, 5, 10);

    private final MeterRegistry registry;
    private final ColdStartSplit split = new ColdStartSplit();
    private final RevisionOwners owners;
    /** Each tracked revision's tags, read once off the event loop (a cold start is told on the router's). */
    private final Map<RevisionId, Tags> tags = new ConcurrentHashMap<>();
    /**
     * Workload starts split but not yet recorded, by instance id: the recorder takes them after the endpoints (in the
     * same change, on the same thread); a revision forgotten meanwhile takes its own away.
     */
    private final Map<String, Unrecorded> unrecorded = new ConcurrentHashMap<>();

    ColdStartMeters(MeterRegistry registry) {
        this(registry, RevisionOwners.NONE);
    }

    ColdStartMeters(MeterRegistry registry, RevisionOwners owners) {
        this.registry = registry;
        this.owners = owners;
    }

    @Override
    public void changed(Instance instance) {
        RevisionId revision = new RevisionId(instance.revision().namespace(), instance.revision().revision());
        split.changed(revision, instance.id(), instance.state())
                .ifPresent(startup -> unrecorded.put(instance.id(), new Unrecorded(revision, startup)));
    }

    /** Records the workload starts {@link #changed} split: to watch instances after the endpoints do. */
    InstanceListener recorder() {
        return instance -> {
            Unrecorded start = unrecorded.remove(instance.id());
            if (start != null) {
                timer(WORKLOAD_START, "An instance's own start: exec to passing readiness", WORKLOAD_BUCKETS,
                        start.revision()).record(start.startup());
            }
        };
    }

    @Override
    public void accept(ColdStart coldStart) {
        split.platformShare(coldStart).ifPresent(share -> timer(PLATFORM, "The platform's share of a cold start: "
                + "the cold start less the workload's own start", PLATFORM_BUCKETS, coldStart.revision())
                .record(share));
    }

    @Override
    public void tracked(RevisionId revision) {
        // Meters appear with their first sample; their tags are read now.
        tags(revision);
    }

    @Override
    public void forgotten(RevisionId revision) {
        split.forget(revision);
        unrecorded.values().removeIf(start -> start.revision().equals(revision));
        tags.remove(revision);
        for (String name : List.of(WORKLOAD_START, PLATFORM)) {
            Timer timer = registry.find(name).tags("namespace", revision.namespace(), "revision", revision.name())
                    .timer();
            if (timer != null) {
                registry.remove(timer);
            }
        }
    }

    private Timer timer(String name, String description, Duration[] buckets, RevisionId revision) {
        return Timer.builder(name).description(description).tags(tags(revision)).serviceLevelObjectives(buckets)
                .register(registry);
    }

    private Tags tags(RevisionId revision) {
        return tags.computeIfAbsent(revision, r -> RevisionOwners.tags(r, owners.of(r)));
    }

    private record Unrecorded(RevisionId revision, Duration startup) {
    }

    private static Duration[] seconds(double... values) {
        return DoubleStream.of(values).mapToObj(s -> Duration.ofNanos((long) (s * 1e9))).toArray(Duration[]::new);
    }
}

package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.serving.activity.RecentActivity;
import dev.kumo.serving.scaling.RevisionScaling;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Keeps {@link RecentActivity} told, running: the router's per-second load samples and cold starts, each cold start
 * split as {@code kumo_cold_start_platform_seconds} is ({@link ColdStartSplit}, over the instances' starts) and
 * counted once per instance that served held requests, as metering counts them (the first request's time); kept
 * for the Revisions being scaled (those scaled before it started too), a Revision no longer scaled is forgotten. What {@code GET /apis/serving.kumo.dev/v1alpha1/…activity} answers.
 */
public final class ServingActivity implements InstanceListener, Consumer<ColdStart>, RevisionScaling.Lifecycle,
        AutoCloseable {

    private final RecentActivity activity = new RecentActivity();
    private final ColdStartSplit split = new ColdStartSplit();
    private final InstantSource clock;
    private volatile Subscription watching = () -> { };
    /** The address of each ready instance, and the addresses whose cold start was counted. */
    private final Map<String, InstanceAddress> readyAt = new ConcurrentHashMap<>();
    private final Set<InstanceAddress> counted = ConcurrentHashMap.newKeySet();

    private ServingActivity(InstantSource clock) {
        this.clock = clock;
    }

    /** Starts listening to {@code runtime}'s instances, {@code signals} and {@code scaling}'s lifecycle. */
    static ServingActivity start(Runtimes runtime, ScalingSignals signals, RevisionScaling scaling,
            InstantSource clock) {
        ServingActivity started = new ServingActivity(clock);
        started.watching = runtime.watch(started);
        signals.onLoad(started::load);
        signals.onColdStart(started);
        scaling.onLifecycle(started);
        scaling.trackedRevisions().forEach(started::tracked);
        return started;
    }

    /** The {@code RevisionActivity} document of {@code namespace} (every namespace when empty) now. */
    public JsonNode document(Optional<String> namespace) {
        return activity.document(namespace, clock.instant());
    }

    private void load(RevisionId revision, LoadSample sample) {
        activity.load(revision, sample.epochSecond(), sample.requests());
    }

    @Override
    public void changed(Instance instance) {
        if (instance.state() instanceof InstanceState.Ready ready) {
            readyAt.put(instance.id(), ready.address());
        } else if (instance.state().terminal()) {
            Optional.ofNullable(readyAt.remove(instance.id())).ifPresent(counted::remove);
        }
        split.changed(new RevisionId(instance.revision().namespace(), instance.revision().revision()), instance.id(),
                instance.state());
    }

    @Override
    public void accept(ColdStart coldStart) {
        if (!counted.add(coldStart.servedBy())) {
            return; // another request held for the same start
        }
        activity.coldStart(coldStart.revision(), new RecentActivity.ColdStart(clock.instant(), coldStart.duration(),
                split.platformShare(coldStart).map(share -> coldStart.duration().minus(share))));
    }

    @Override
    public void tracked(RevisionId revision) {
        activity.track(revision);
    }

    @Override
    public void forgotten(RevisionId revision) {
        split.forget(revision);
        activity.forget(revision);
    }

    @Override
    public void close() {
        watching.close();
    }
}

package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.serving.activity.RecentActivity;
import dev.kumo.serving.scaling.RevisionScaling;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Keeps {@link RecentActivity} told, running: the router's per-second load samples and cold starts, each cold start
 * split as {@code kumo_cold_start_platform_seconds} is ({@link ColdStartSplit}, over the instances' starts); a
 * Revision no longer scaled is forgotten. What {@code GET /apis/serving.kumo.dev/v1alpha1/…activity} answers.
 */
public final class ServingActivity implements InstanceListener, Consumer<ColdStart>, RevisionScaling.Lifecycle,
        AutoCloseable {

    private final RecentActivity activity = new RecentActivity();
    private final ColdStartSplit split = new ColdStartSplit();
    private final InstantSource clock;
    private volatile Subscription watching = () -> { };

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
        split.changed(new RevisionId(instance.revision().namespace(), instance.revision().revision()), instance.id(),
                instance.state());
    }

    @Override
    public void accept(ColdStart coldStart) {
        activity.coldStart(coldStart.revision(), new RecentActivity.ColdStart(clock.instant(), coldStart.duration(),
                split.platformShare(coldStart).map(share -> coldStart.duration().minus(share))));
    }

    @Override
    public void tracked(RevisionId revision) {
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

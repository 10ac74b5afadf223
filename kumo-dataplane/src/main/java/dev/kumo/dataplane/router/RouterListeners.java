package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Whom the router tells about demand for instances, per-second load and cold starts; nobody until set. */
public final class RouterListeners {

    private static final Logger LOG = LoggerFactory.getLogger(RouterListeners.class);

    private volatile Consumer<RevisionId> demand = revision -> { };
    private volatile BiConsumer<RevisionId, LoadSample> load = (revision, sample) -> { };
    private volatile Consumer<ColdStart> coldStart = started -> { };

    public void onDemand(Consumer<RevisionId> listener) {
        demand = Objects.requireNonNull(listener, "listener");
    }

    public void onLoad(BiConsumer<RevisionId, LoadSample> listener) {
        load = Objects.requireNonNull(listener, "listener");
    }

    public void onColdStart(Consumer<ColdStart> listener) {
        coldStart = Objects.requireNonNull(listener, "listener");
    }

    void demand(RevisionId revision) {
        try {
            demand.accept(revision);
        } catch (RuntimeException e) {
            LOG.warn("the demand listener failed for revision {}", revision, e);
        }
    }

    void load(RevisionId revision, LoadSample sample) {
        try {
            load.accept(revision, sample);
        } catch (RuntimeException e) {
            LOG.warn("the load listener failed for revision {}", revision, e);
        }
    }

    void coldStart(ColdStart started) {
        try {
            coldStart.accept(started);
        } catch (RuntimeException e) {
            LOG.warn("the cold start listener failed for revision {}", started.revision(), e);
        }
    }
}

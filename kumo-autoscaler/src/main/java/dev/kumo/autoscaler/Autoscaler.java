package dev.kumo.autoscaler;

import dev.kumo.api.serving.autoscaling.DeciderSpec;
import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The KPA autoscaler for every revision: the router records one {@link LoadSample} per revision per second, the
 * activator signals demand at zero, and one ticker thread asks for a decision per revision (Knative decides every
 * 2 s). {@link #record}, {@link #demand} and {@link #forget} may be called from any thread (event loops);
 * {@link #decide} is meant for one ticker thread. Each revision's state is guarded by its own lock, so recorders
 * of different revisions never contend.
 */
public final class Autoscaler {

    /** The window sizes samples are kept in before a revision's own settings are known (Knative's defaults). */
    private static final DeciderSpec DEFAULT_WINDOWS = DeciderSpec.builder().build();

    private final ConcurrentHashMap<RevisionId, RevisionScaler> revisions = new ConcurrentHashMap<>();

    /** Adds one second of a revision's load. */
    public void record(RevisionId revision, LoadSample sample) {
        scaler(revision).record(sample);
    }

    /**
     * Says that a request for {@code revision} is waiting while it runs no instance: the next {@link #decide}
     * wants at least one, whatever the windows say.
     */
    public void demand(RevisionId revision) {
        scaler(revision).demand();
    }

    /** Decides how many instances {@code revision} should run now, given how many are ready. */
    public ScaleDecision decide(RevisionId revision, RevisionAutoscaling settings, int readyInstances, Instant now) {
        if (readyInstances < 0) {
            throw new IllegalArgumentException("readyInstances of " + revision + " is " + readyInstances
                    + ", want >= 0");
        }
        return revisions.computeIfAbsent(revision, r -> new RevisionScaler(settings.decider()))
                .decide(settings, readyInstances, now);
    }

    /** The last decisions for {@code revision}, oldest first (at most ten). */
    public List<ScaleDecision> history(RevisionId revision) {
        RevisionScaler scaler = revisions.get(revision);
        return scaler == null ? List.of() : scaler.history();
    }

    /** The last decision for {@code revision}, if any. */
    public Optional<ScaleDecision> lastDecision(RevisionId revision) {
        List<ScaleDecision> history = history(revision);
        return history.isEmpty() ? Optional.empty() : Optional.of(history.getLast());
    }

    /**
     * Drops everything known about {@code revision}; call it once the router no longer routes to it (a sample
     * recorded afterwards would start a new, empty state).
     */
    public void forget(RevisionId revision) {
        revisions.remove(revision);
    }

    private RevisionScaler scaler(RevisionId revision) {
        return revisions.computeIfAbsent(revision, r -> new RevisionScaler(DEFAULT_WINDOWS));
    }
}

package dev.kumo.autoscaler;

import dev.kumo.api.serving.autoscaling.DeciderSpec;
import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.autoscaler.metrics.LoadSample;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;

/**
 * One revision's autoscaling state: its load windows, decider, Active condition, a pending demand and its last
 * decisions. Every method is synchronized: samples and demands come from event loops, decisions from the ticker.
 */
final class RevisionScaler {

    /** How many decisions are kept for {@code kumo revision describe}. */
    static final int HISTORY = 10;

    private final LoadWindows windows;
    private final ArrayDeque<ScaleDecision> history = new ArrayDeque<>(HISTORY);
    private Decider decider;
    private Activation activation;
    private boolean demand;

    RevisionScaler(DeciderSpec windowSizes) {
        windows = new LoadWindows(windowSizes);
    }

    synchronized void record(LoadSample sample) {
        windows.record(sample);
    }

    synchronized void demand() {
        demand = true;
    }

    synchronized ScaleDecision decide(RevisionAutoscaling settings, int readyInstances, Instant now) {
        if (decider == null) {
            decider = new Decider(readyInstances, now);
            activation = new Activation(now);
        }
        LoadWindows.Observed observed = windows.observe(settings.decider(), now.getEpochSecond());
        Decider.Want want = decider.decide(settings, observed, readyInstances, now);
        int desired = want.desired();
        String reason = want.reason();
        if (demand && desired == 0) {
            // Knative's activator reports a first request at once and pokes the decider; the router's samples
            // count the waiting request from its next second on, so one decision at 1 bridges the gap.
            desired = 1;
            reason = "a request is waiting at zero → 1";
        }
        demand = false;
        int current = history.isEmpty() ? settings.bounds().initial() : history.peekLast().desiredScale();
        Activation.Outcome outcome = activation.apply(settings, desired, want.excessBurstCapacity(), readyInstances,
                current, now);
        ScaleDecision decision = new ScaleDecision(now, outcome.desiredScale(), want.excessBurstCapacity(),
                want.panicking(), outcome.activatorInPath(), reason + outcome.reason());
        if (history.size() == HISTORY) {
            history.pollFirst();
        }
        history.addLast(decision);
        return decision;
    }

    synchronized List<ScaleDecision> history() {
        return List.copyOf(history);
    }
}

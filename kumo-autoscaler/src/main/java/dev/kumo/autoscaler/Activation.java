package dev.kumo.autoscaler;

import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import java.time.Duration;
import java.time.Instant;

/**
 * What Knative's KPA reconciler adds to the decider's want (pkg/reconciler/autoscaling/kpa/scaler.go and kpa.go):
 * the min/max/initial-scale bounds, the scale-to-zero rules, and the PodAutoscaler's Active condition they depend
 * on (activating, active since, inactive since). Not thread-safe: its owner synchronizes.
 *
 * <p>Knative probes the activator before the last pod goes, because moving it into the path takes network
 * programming; Kumo's activator is in-process and in the path the moment a decision says so, so there is no probe
 * and the time "in proxy mode" is simply the time since the decisions put it there.
 */
final class Activation {

    /** The PodAutoscaler's Active condition: Unknown, True or False. */
    enum State { ACTIVATING, ACTIVE, INACTIVE }

    /** The count to run, whether the activator is in the path, and the reason's added phrase. */
    record Outcome(int desiredScale, boolean activatorInPath, String reason) {
    }

    /** Knative's scaler answer: the count wanted (-1 when unknown), whether to apply it, and why. */
    private record Step(int want, boolean apply, String reason) {
        static Step apply(int want, String reason) {
            return new Step(want, true, reason);
        }

        static Step hold(int want, String reason) {
            return new Step(want, false, reason);
        }
    }

    private State state = State.ACTIVATING;
    private Instant since;
    private boolean initialized;
    private Instant proxySince;

    Activation(Instant now) {
        since = now;
    }

    State state() {
        return state;
    }

    /**
     * Bounds {@code want}, applies the scale-to-zero rules and moves the Active condition; a count that is not to
     * be applied yet leaves {@code current} in place.
     */
    Outcome apply(RevisionAutoscaling settings, int want, int excessBurstCapacity, int readyInstances, int current,
            Instant now) {
        String bounds = "";
        int min = settings.effectiveMinScale();
        int initial = settings.bounds().initial();
        if (initial > 1 && !initialized && settings.reachable() && initial > min) {
            min = initial;
            bounds = want < min ? "; raised to initial-scale " + min + " until reached once" : "";
        } else if (want < min) {
            bounds = "; raised to min-scale " + min;
        }
        int bounded = Math.max(want, min);
        int max = settings.bounds().max();
        if (max != 0 && bounded > max) {
            bounded = max;
            bounds = "; bounded by max-scale " + max;
        }
        Step step = scaleToZero(settings, bounded, current, now);
        boolean activatorInPath = !(step.want() > 0 && excessBurstCapacity >= 0);
        if (!activatorInPath) {
            proxySince = null;
        } else if (proxySince == null) {
            proxySince = now;
        }
        observe(settings, step.want(), readyInstances, now);
        return new Outcome(step.apply() ? step.want() : current, activatorInPath, bounds + step.reason());
    }

    private Step scaleToZero(RevisionAutoscaling settings, int desired, int current, Instant now) {
        if (desired != 0) {
            return Step.apply(desired, "");
        }
        if (!settings.scaleToZero().enabled()) {
            return Step.apply(1, "; scale to zero is disabled, keeping 1");
        }
        Duration inState = Duration.between(since, now);
        Duration stableWindow = settings.decider().stableWindow();
        return switch (state) {
            // Knative also gives up activating after the progress deadline; Kumo's revision reconciler reports
            // instances that cannot start.
            case ACTIVATING -> Step.hold(-1, "; activating, keeping " + current);
            case ACTIVE -> inState.compareTo(stableWindow) >= 0
                    ? Step.hold(0, "; idle for the stable window " + Phrases.seconds(stableWindow)
                            + ", now inactive, keeping " + current)
                    : Step.apply(1, "; keeping 1 until active for the stable window "
                            + Phrases.seconds(stableWindow) + " (active " + Phrases.seconds(inState) + ")");
            case INACTIVE -> inactive(settings, inState, current, now);
        };
    }

    /** The last instance goes once retention and grace are both over, or the activator covered the grace. */
    private Step inactive(RevisionAutoscaling settings, Duration inactiveFor, int current, Instant now) {
        Duration grace = settings.scaleToZero().gracePeriod();
        Duration retention = settings.effectiveRetention();
        String idle = "scale to zero after " + Phrases.seconds(settings.decider().stableWindow()) + " idle and ";
        if (inactiveFor.compareTo(grace) >= 0 && inactiveFor.compareTo(retention) >= 0) {
            return Step.apply(0, "; " + idle + Phrases.seconds(inactiveFor) + " inactive (grace "
                    + Phrases.seconds(grace) + ", retention " + Phrases.seconds(retention) + ")");
        }
        if (inactiveFor.compareTo(retention) < 0) {
            return Step.hold(0, "; inactive " + Phrases.seconds(inactiveFor) + ", keeping " + current
                    + " for scale-to-zero-pod-retention-period " + Phrases.seconds(retention));
        }
        Duration proxyFor = proxySince == null ? Duration.ZERO : Duration.between(proxySince, now);
        if (proxyFor.compareTo(grace) >= 0) {
            return Step.apply(0, "; " + idle + "the activator in the path for " + Phrases.seconds(proxyFor)
                    + " (grace " + Phrases.seconds(grace) + ")");
        }
        return Step.hold(0, "; inactive " + Phrases.seconds(inactiveFor) + ", keeping " + current
                + " until the activator has been in the path for the grace period " + Phrases.seconds(grace));
    }

    /** Knative's computeActiveCondition: the table in kpa.go, with want -1 meaning "unknown". */
    private void observe(RevisionAutoscaling settings, int want, int ready, Instant now) {
        int min = settings.effectiveMinScale();
        int minReady = initialized ? Math.max(min, 1) : Math.max(min, settings.bounds().initial());
        if (ready >= minReady) {
            initialized = true;
        }
        if (want == 0 || minReady == 0) {
            move(State.INACTIVE, now);
        } else if (ready < minReady) {
            move(want > 0 || state != State.INACTIVE ? State.ACTIVATING : State.INACTIVE, now);
        } else if (want > 0 || state != State.INACTIVE) {
            move(State.ACTIVE, now);
        }
    }

    private void move(State next, Instant now) {
        if (state != next) {
            state = next;
            since = now;
        }
    }
}

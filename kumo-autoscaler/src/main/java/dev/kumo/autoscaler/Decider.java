package dev.kumo.autoscaler;

import dev.kumo.api.serving.autoscaling.DeciderSpec;
import dev.kumo.api.serving.autoscaling.RevisionAutoscaling;
import dev.kumo.api.serving.autoscaling.ScalingMetric;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Knative's KPA decider for one revision (pkg/autoscaler/scaling/autoscaler.go): from the stable and panic
 * averages and the ready count to a wanted instance count and the excess burst capacity. Holds the panic state and
 * the scale-down-delay window between calls; not thread-safe, its owner synchronizes.
 */
final class Decider {

    /** How often Knative decides; the scale-down-delay window is kept in buckets of this size. */
    static final Duration TICK = Duration.ofSeconds(2);

    /** What the windows ask for, before bounds and scale-to-zero. */
    record Want(int desired, int excessBurstCapacity, boolean panicking, String reason) {
    }

    private Instant panicTime;
    private int maxPanicPods;
    private MaxTimeWindow delayWindow;

    /**
     * A decider that starts panicking when more than one instance is already ready: its windows are empty (the
     * revision was running before this decider existed), and panic mode keeps the current count until they fill.
     */
    Decider(int readyInstances, Instant now) {
        if (readyInstances > 1) {
            panicTime = now;
            maxPanicPods = readyInstances;
        }
    }

    boolean panicking() {
        return panicTime != null;
    }

    Want decide(RevisionAutoscaling settings, LoadWindows.Observed observed, int readyInstances, Instant now) {
        DeciderSpec spec = settings.decider();
        double ready = Math.max(1, readyInstances);
        double target = spec.targetValue();
        // ceil, so that a small rate still lets the count grow (and shrink) by at least one.
        double maxScaleUp = Math.ceil(spec.maxScaleUpRate() * ready);
        double maxScaleDown = settings.reachable() ? Math.floor(ready / spec.maxScaleDownRate()) : 0;
        double stableWant = Math.ceil(observed.stable() / target);
        double panicWant = Math.ceil(observed.panic() / target);
        int desiredStable = activated(settings, stableWant, clamp(stableWant, maxScaleDown, maxScaleUp));
        int desiredPanic = activated(settings, panicWant, clamp(panicWant, maxScaleDown, maxScaleUp));

        updatePanic(spec, panicWant / ready >= spec.panicThreshold(), now);
        int desired = desiredStable;
        StringBuilder reason = new StringBuilder();
        if (panicking()) {
            desired = Math.max(desiredStable, desiredPanic);
            reason.append("panic: ").append(Phrases.number(observed.panic())).append(' ')
                    .append(phrase(spec.metric())).append(" over ").append(Phrases.seconds(spec.panicWindow()))
                    .append(" / target ").append(Phrases.number(target)).append(" → ").append(desired);
            if (desired > maxPanicPods) {
                maxPanicPods = desired;
            } else if (desired < maxPanicPods) {
                reason.append(", holding ").append(maxPanicPods).append(" (no scale-down while panicking)");
            }
            desired = maxPanicPods;
        } else {
            reason.append("stable: ").append(Phrases.number(observed.stable())).append(' ')
                    .append(phrase(spec.metric())).append(" / target ").append(Phrases.number(target))
                    .append(" → ").append(desiredStable);
        }
        rateLimit(spec, Math.max(stableWant, panicking() ? panicWant : 0), maxScaleUp, maxScaleDown,
                readyInstances).ifPresent(reason::append);
        desired = delayed(settings, desired, now, reason);
        return new Want(desired, excessBurstCapacity(spec, observed, readyInstances), panicking(),
                reason.toString());
    }

    private void updatePanic(DeciderSpec spec, boolean overThreshold, Instant now) {
        if (overThreshold) {
            panicTime = now; // enter panic, or extend it while still over the threshold
        } else if (panicTime != null && panicTime.plus(spec.stableWindow()).isBefore(now)) {
            // A whole stable window below the threshold: the surge is in the stable average now.
            panicTime = null;
            maxPanicPods = 0;
        }
    }

    /** Scale-down decisions wait until the largest want over the delay window has come down too. */
    private int delayed(RevisionAutoscaling settings, int desired, Instant now, StringBuilder reason) {
        Duration delay = settings.decider().scaleDownDelay();
        if (delay.isZero()) {
            delayWindow = null;
            return desired;
        }
        if (!settings.reachable()) {
            return desired;
        }
        if (delayWindow == null || !delayWindow.duration().equals(delay)) {
            delayWindow = new MaxTimeWindow(delay, TICK);
        }
        delayWindow.record(now, desired);
        int delayedCount = delayWindow.current();
        if (delayedCount != desired) {
            reason.append("; held at ").append(delayedCount).append(" by scale-down-delay ")
                    .append(Phrases.seconds(delay));
        }
        return delayedCount;
    }

    /**
     * EBC = floor(ready × total − TBC − panic average); -1 when TBC is -1 (activator always in the path), 0 when
     * TBC is 0. Knative counts the real ready instances here, not at least one.
     */
    private static int excessBurstCapacity(DeciderSpec spec, LoadWindows.Observed observed, int ready) {
        double tbc = spec.targetBurstCapacity();
        if (tbc == 0) {
            return 0;
        }
        if (tbc < 0) {
            return -1;
        }
        return (int) Math.floor(ready * spec.totalValue() - tbc - observed.panic());
    }

    private static Optional<String> rateLimit(DeciderSpec spec, double want, double maxUp, double maxDown,
            int ready) {
        if (want > maxUp) {
            return Optional.of("; limited by max-scale-up-rate " + Phrases.number(spec.maxScaleUpRate())
                    + " from " + ready + " ready");
        }
        if (want < maxDown) {
            return Optional.of("; limited by max-scale-down-rate " + Phrases.number(spec.maxScaleDownRate())
                    + " from " + ready + " ready");
        }
        return Optional.empty();
    }

    /** Raises a count that is not zero to the activation scale, as Knative does for both wants. */
    private static int activated(RevisionAutoscaling settings, double want, int clamped) {
        int activation = settings.bounds().activation();
        return want > 0 && activation > clamped ? activation : clamped;
    }

    /** How the metric reads in a decision's reason. */
    private static String phrase(ScalingMetric metric) {
        return metric == ScalingMetric.CONCURRENCY ? "avg concurrency" : "rps";
    }

    private static int clamp(double value, double min, double max) {
        return (int) Math.min(Math.max(value, min), max);
    }
}

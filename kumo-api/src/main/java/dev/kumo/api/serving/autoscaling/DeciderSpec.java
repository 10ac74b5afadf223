package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.SettingInvariants.invalid;
import static dev.kumo.api.serving.autoscaling.SettingInvariants.positive;
import static dev.kumo.api.serving.autoscaling.SettingInvariants.wholeSeconds;

import java.time.Duration;
import java.util.Objects;

/**
 * What Knative's decider takes for one Revision (pkg/autoscaler/scaling's {@code DeciderSpec}): the metric and its
 * target, the windows, the burst capacity and the rate limits. Built with {@link #builder()}, whose steps are
 * named, starting from the defaults of {@link ConfigAutoscaler}.
 *
 * @param metric what is scaled on
 * @param totalValue what one instance can take of the metric (containerConcurrency, the target annotation or the
 *     default); the burst capacity is counted in it
 * @param targetUtilization the fraction of {@code totalValue} aimed at (0.7)
 * @param targetBurstCapacity spare capacity wanted before the activator leaves the path: -1 keeps the activator
 *     always in the path, 0 only at zero
 * @param stableWindow the window the stable average is taken over (whole seconds)
 * @param panicWindowPercentage the panic window as a percentage of the stable window
 * @param panicThresholdPercentage panic starts when the panic want reaches this percentage of the ready count
 * @param scaleDownDelay how long a lower want must hold before it is applied (whole seconds)
 * @param maxScaleUpRate the count may grow at most by this factor in one decision
 * @param maxScaleDownRate the count may shrink at most by this divisor in one decision
 */
public record DeciderSpec(
        ScalingMetric metric,
        double totalValue,
        double targetUtilization,
        double targetBurstCapacity,
        Duration stableWindow,
        double panicWindowPercentage,
        double panicThresholdPercentage,
        Duration scaleDownDelay,
        double maxScaleUpRate,
        double maxScaleDownRate) {

    public DeciderSpec {
        Objects.requireNonNull(metric, "metric");
        positive("totalValue", totalValue);
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw invalid("targetUtilization", targetUtilization, "want a fraction in (0, 1]");
        }
        if (targetBurstCapacity < 0 && targetBurstCapacity != -1) {
            throw invalid("targetBurstCapacity", targetBurstCapacity, "want -1 (activator always in the path) or >= 0");
        }
        wholeSeconds("stableWindow", stableWindow, Duration.ofSeconds(1));
        wholeSeconds("scaleDownDelay", scaleDownDelay, Duration.ZERO);
        if (!(panicWindowPercentage >= 1 && panicWindowPercentage <= 100)) {
            throw invalid("panicWindowPercentage", panicWindowPercentage, "want 1 to 100");
        }
        if (!(panicThresholdPercentage > 100)) {
            throw invalid("panicThresholdPercentage", panicThresholdPercentage, "want more than 100");
        }
        if (!(maxScaleUpRate > 1) || !(maxScaleDownRate > 1)) {
            throw invalid("maxScaleUpRate/maxScaleDownRate", maxScaleUpRate + "/" + maxScaleDownRate,
                    "want both greater than 1");
        }
    }

    /** Knative's defaults (config-autoscaler as shipped) for a Revision without annotations or containerConcurrency. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this spec. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** What one instance is aimed at: {@code max(0.01, total × utilization)}. */
    public double targetValue() {
        return Math.max(AutoscalingKeys.TARGET_MIN, totalValue * targetUtilization);
    }

    /** The panic threshold as a factor of the ready count (2.0 for 200%). */
    public double panicThreshold() {
        return panicThresholdPercentage / 100;
    }

    /** The panic window: the stable window times the percentage, rounded to a second, at least one second. */
    public Duration panicWindow() {
        double nanos = stableWindow.toNanos() * panicWindowPercentage / 100;
        return Duration.ofSeconds(Math.max(1, Math.round(nanos / 1e9)));
    }

    /** Builds a {@link DeciderSpec}, one named step per component. */
    public static final class Builder {
        private ScalingMetric metric = ScalingMetric.CONCURRENCY;
        private double totalValue = ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_DEFAULT.defaultValue();
        private double targetUtilization =
                ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_PERCENTAGE.defaultValue() / 100;
        private double targetBurstCapacity = ConfigAutoscaler.TARGET_BURST_CAPACITY.defaultValue();
        private Duration stableWindow = ConfigAutoscaler.STABLE_WINDOW.defaultValue();
        private double panicWindowPercentage = ConfigAutoscaler.PANIC_WINDOW_PERCENTAGE.defaultValue();
        private double panicThresholdPercentage = ConfigAutoscaler.PANIC_THRESHOLD_PERCENTAGE.defaultValue();
        private Duration scaleDownDelay = ConfigAutoscaler.SCALE_DOWN_DELAY.defaultValue();
        private double maxScaleUpRate = ConfigAutoscaler.MAX_SCALE_UP_RATE.defaultValue();
        private double maxScaleDownRate = ConfigAutoscaler.MAX_SCALE_DOWN_RATE.defaultValue();

        private Builder() {
        }

        private Builder(DeciderSpec spec) {
            metric = spec.metric;
            totalValue = spec.totalValue;
            targetUtilization = spec.targetUtilization;
            targetBurstCapacity = spec.targetBurstCapacity;
            stableWindow = spec.stableWindow;
            panicWindowPercentage = spec.panicWindowPercentage;
            panicThresholdPercentage = spec.panicThresholdPercentage;
            scaleDownDelay = spec.scaleDownDelay;
            maxScaleUpRate = spec.maxScaleUpRate;
            maxScaleDownRate = spec.maxScaleDownRate;
        }

        public Builder metric(ScalingMetric value) {
            metric = value;
            return this;
        }

        public Builder totalValue(double value) {
            totalValue = value;
            return this;
        }

        public Builder targetUtilization(double value) {
            targetUtilization = value;
            return this;
        }

        public Builder targetBurstCapacity(double value) {
            targetBurstCapacity = value;
            return this;
        }

        public Builder stableWindow(Duration value) {
            stableWindow = value;
            return this;
        }

        public Builder panicWindowPercentage(double value) {
            panicWindowPercentage = value;
            return this;
        }

        public Builder panicThresholdPercentage(double value) {
            panicThresholdPercentage = value;
            return this;
        }

        public Builder scaleDownDelay(Duration value) {
            scaleDownDelay = value;
            return this;
        }

        public Builder maxScaleUpRate(double value) {
            maxScaleUpRate = value;
            return this;
        }

        public Builder maxScaleDownRate(double value) {
            maxScaleDownRate = value;
            return this;
        }

        public DeciderSpec build() {
            return new DeciderSpec(metric, totalValue, targetUtilization, targetBurstCapacity, stableWindow,
                    panicWindowPercentage, panicThresholdPercentage, scaleDownDelay, maxScaleUpRate,
                    maxScaleDownRate);
        }
    }
}

package dev.kumo.autoscaler;

import java.time.Duration;
import java.util.Objects;

/**
 * How one revision scales, resolved from its annotations, its containerConcurrency and the cluster's
 * config-autoscaler (kumo-api's {@code RevisionAutoscaling} does that resolution): plain numbers, no parsing.
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
 * @param minScale instances kept at least while the revision is reachable
 * @param maxScale instances allowed at most; 0 means unlimited
 * @param initialScale instances a new revision starts with and keeps until it has reached them once
 * @param activationScale instances at least whenever the revision runs at all (1 = no such floor)
 * @param enableScaleToZero whether the cluster lets revisions scale to zero
 * @param scaleToZeroGracePeriod how long the activator must have been in the path before the last instance goes
 * @param scaleToZeroPodRetention how long the last instance stays at least after the revision went idle
 * @param reachable whether a route sends traffic to the revision; an unreachable one ignores min-scale,
 *     initial-scale and retention and may drop to zero at once
 */
public record ScalingSettings(
        ScalingMetric metric,
        double totalValue,
        double targetUtilization,
        double targetBurstCapacity,
        Duration stableWindow,
        double panicWindowPercentage,
        double panicThresholdPercentage,
        Duration scaleDownDelay,
        double maxScaleUpRate,
        double maxScaleDownRate,
        int minScale,
        int maxScale,
        int initialScale,
        int activationScale,
        boolean enableScaleToZero,
        Duration scaleToZeroGracePeriod,
        Duration scaleToZeroPodRetention,
        boolean reachable) {

    /** Knative's floor for a target (autoscaling.TargetMin). */
    public static final double TARGET_MIN = 0.01;

    public ScalingSettings {
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
        if (minScale < 0 || maxScale < 0 || initialScale < 0 || activationScale < 1) {
            throw invalid("minScale/maxScale/initialScale/activationScale",
                    minScale + "/" + maxScale + "/" + initialScale + "/" + activationScale,
                    "want min, max and initial >= 0 and activation >= 1");
        }
        if (maxScale != 0 && maxScale < minScale) {
            throw invalid("maxScale", maxScale, "is below minScale " + minScale + "; raise it or use 0 (unlimited)");
        }
        if (scaleToZeroGracePeriod.isNegative() || scaleToZeroGracePeriod.isZero()) {
            throw invalid("scaleToZeroGracePeriod", scaleToZeroGracePeriod, "want a positive duration");
        }
        if (scaleToZeroPodRetention.isNegative()) {
            throw invalid("scaleToZeroPodRetention", scaleToZeroPodRetention, "want 0 or more");
        }
    }

    /** Knative's defaults (config-autoscaler as shipped) for a revision without annotations or containerConcurrency. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** What one instance is aimed at: {@code max(0.01, total × utilization)}. */
    public double targetValue() {
        return Math.max(TARGET_MIN, totalValue * targetUtilization);
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

    /** The last instance's retention: none for an unreachable revision. */
    Duration effectiveRetention() {
        return reachable ? scaleToZeroPodRetention : Duration.ZERO;
    }

    /** The lower bound: min-scale, ignored while unreachable. */
    int effectiveMinScale() {
        return reachable ? minScale : 0;
    }

    private static void positive(String field, double value) {
        if (!(value > 0)) {
            throw invalid(field, value, "want a positive number");
        }
    }

    private static void wholeSeconds(String field, Duration value, Duration min) {
        if (value.compareTo(min) < 0 || value.compareTo(Duration.ofHours(1)) > 0 || value.getNano() != 0) {
            throw invalid(field, value, "want whole seconds from " + min.toSeconds() + "s to 1h");
        }
    }

    private static IllegalArgumentException invalid(String field, Object value, String fix) {
        return new IllegalArgumentException("scaling setting " + field + " is " + value + ": " + fix);
    }

    /** Builds {@link ScalingSettings}, starting from Knative's defaults. */
    public static final class Builder {
        private ScalingMetric metric = ScalingMetric.CONCURRENCY;
        private double totalValue = 100;
        private double targetUtilization = 0.7;
        private double targetBurstCapacity = 211;
        private Duration stableWindow = Duration.ofSeconds(60);
        private double panicWindowPercentage = 10;
        private double panicThresholdPercentage = 200;
        private Duration scaleDownDelay = Duration.ZERO;
        private double maxScaleUpRate = 1000;
        private double maxScaleDownRate = 2;
        private int minScale;
        private int maxScale;
        private int initialScale = 1;
        private int activationScale = 1;
        private boolean enableScaleToZero = true;
        private Duration scaleToZeroGracePeriod = Duration.ofSeconds(30);
        private Duration scaleToZeroPodRetention = Duration.ZERO;
        private boolean reachable = true;

        private Builder() {
        }

        private Builder(ScalingSettings s) {
            metric = s.metric;
            totalValue = s.totalValue;
            targetUtilization = s.targetUtilization;
            targetBurstCapacity = s.targetBurstCapacity;
            stableWindow = s.stableWindow;
            panicWindowPercentage = s.panicWindowPercentage;
            panicThresholdPercentage = s.panicThresholdPercentage;
            scaleDownDelay = s.scaleDownDelay;
            maxScaleUpRate = s.maxScaleUpRate;
            maxScaleDownRate = s.maxScaleDownRate;
            minScale = s.minScale;
            maxScale = s.maxScale;
            initialScale = s.initialScale;
            activationScale = s.activationScale;
            enableScaleToZero = s.enableScaleToZero;
            scaleToZeroGracePeriod = s.scaleToZeroGracePeriod;
            scaleToZeroPodRetention = s.scaleToZeroPodRetention;
            reachable = s.reachable;
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

        public Builder minScale(int value) {
            minScale = value;
            return this;
        }

        public Builder maxScale(int value) {
            maxScale = value;
            return this;
        }

        public Builder initialScale(int value) {
            initialScale = value;
            return this;
        }

        public Builder activationScale(int value) {
            activationScale = value;
            return this;
        }

        public Builder enableScaleToZero(boolean value) {
            enableScaleToZero = value;
            return this;
        }

        public Builder scaleToZeroGracePeriod(Duration value) {
            scaleToZeroGracePeriod = value;
            return this;
        }

        public Builder scaleToZeroPodRetention(Duration value) {
            scaleToZeroPodRetention = value;
            return this;
        }

        public Builder reachable(boolean value) {
            reachable = value;
            return this;
        }

        public ScalingSettings build() {
            return new ScalingSettings(metric, totalValue, targetUtilization, targetBurstCapacity, stableWindow,
                    panicWindowPercentage, panicThresholdPercentage, scaleDownDelay, maxScaleUpRate,
                    maxScaleDownRate, minScale, maxScale, initialScale, activationScale, enableScaleToZero,
                    scaleToZeroGracePeriod, scaleToZeroPodRetention, reachable);
        }
    }
}

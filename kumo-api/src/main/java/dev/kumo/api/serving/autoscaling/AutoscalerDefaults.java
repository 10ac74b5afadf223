package dev.kumo.api.serving.autoscaling;

import java.time.Duration;

/**
 * The cluster-wide autoscaler settings (Knative's {@code config-autoscaler}) that annotations override per Revision.
 *
 * @param podAutoscalerClass the class used when a Revision names none
 * @param allowZeroInitialScale whether {@code initial-scale: 0} is allowed
 * @param maxScaleLimit the largest {@code max-scale} allowed; 0 means no limit
 * @param initialScale instances started for a new Revision
 * @param minScale instances kept at least; 0 lets a Revision scale to zero
 * @param maxScale instances allowed at most; 0 means unlimited
 * @param targetConcurrency in-flight requests per instance aimed at when the metric is concurrency
 * @param targetRequestsPerSecond requests per second per instance aimed at when the metric is rps
 * @param targetUtilization fraction of the target actually aimed at (0.7 = 70%)
 * @param stableWindow the window the stable average is taken over
 * @param panicWindowPercentage the panic window as a percentage of the stable window
 * @param panicThresholdPercentage the panic threshold as a percentage of the current capacity
 * @param targetBurstCapacity spare requests kept before the activator leaves the path; -1 keeps it always
 * @param scaleToZeroPodRetention how long the last instance is kept after the decision to scale to zero
 * @param scaleDownDelay how long a lower desired scale must hold before scaling down
 * @param scaleToZeroGracePeriod how long after inactivity the last instance is removed at the earliest
 * @param maxScaleUpRate the most the instance count may grow in one decision, as a factor
 * @param maxScaleDownRate the most the instance count may shrink in one decision, as a divisor
 * @param enableScaleToZero whether Revisions may scale to zero at all
 */
public record AutoscalerDefaults(
        String podAutoscalerClass,
        boolean allowZeroInitialScale,
        int maxScaleLimit,
        int initialScale,
        int minScale,
        int maxScale,
        double targetConcurrency,
        double targetRequestsPerSecond,
        double targetUtilization,
        Duration stableWindow,
        double panicWindowPercentage,
        double panicThresholdPercentage,
        double targetBurstCapacity,
        Duration scaleToZeroPodRetention,
        Duration scaleDownDelay,
        Duration scaleToZeroGracePeriod,
        double maxScaleUpRate,
        double maxScaleDownRate,
        boolean enableScaleToZero) {

    /** Knative's own defaults. */
    public static final AutoscalerDefaults KNATIVE = new AutoscalerDefaults(AutoscalingKeys.KPA, false, 0, 1,
            0, 0, 100, 200, 0.7, Duration.ofSeconds(60), 10, 200, 211, Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(30), 1000, 2, true);
}

package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.ACTIVATION_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.CLASS;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.INITIAL_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.MAX_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.METRIC;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.MIN_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_WINDOW_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.SCALE_DOWN_DELAY;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.SCALE_TO_ZERO_POD_RETENTION_PERIOD;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_BURST_CAPACITY;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_UTILIZATION_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.WINDOW;

import java.time.Duration;
import java.util.Map;

/**
 * How one Revision scales: its {@code autoscaling.knative.dev/*} annotations over the cluster's defaults, resolved
 * the way Knative's KPA reconciler does (MakeDecider, ResolveMetricTarget, ScaleBounds, GetInitialScale). The
 * data plane's autoscaler takes these numbers as they are; the arithmetic (target = total × utilization, the panic
 * window) is its own. The components repeat the data plane's {@code ScalingSettings} one for one on purpose:
 * kumo-dataplane does not depend on kumo-api, and kumo-server maps one onto the other (adding reachability).
 *
 * @param autoscalerClass the class; Kumo scales only {@code kpa.autoscaling.knative.dev}
 * @param metric {@code concurrency} or {@code rps}
 * @param totalValue what one instance can take: for concurrency containerConcurrency, else the target annotation,
 *     else the default; a target annotation above a non-zero containerConcurrency is capped by it; for rps the
 *     target annotation or the default
 * @param targetUtilization the fraction of the total aimed at
 * @param targetBurstCapacity -1, 0 or the spare requests wanted before the activator leaves the path
 * @param stableWindow the stable window
 * @param panicWindowPercentage the panic window as a percentage of the stable window
 * @param panicThresholdPercentage the panic threshold as a percentage
 * @param scaleDownDelay the scale-down delay
 * @param maxScaleUpRate the cluster's max-scale-up-rate
 * @param maxScaleDownRate the cluster's max-scale-down-rate
 * @param minScale the lower bound (the data plane ignores it while the Revision is not routed to)
 * @param maxScale the upper bound, 0 for none
 * @param initialScale what the Revision starts with: the annotation, unless it is 0 and the cluster forbids that
 * @param activationScale the least count when running at all, 1 when not set
 * @param enableScaleToZero whether the cluster allows scale to zero
 * @param scaleToZeroGracePeriod the cluster's grace period
 * @param scaleToZeroPodRetention how long the last instance stays at least
 */
public record RevisionAutoscaling(
        String autoscalerClass,
        String metric,
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
        Duration scaleToZeroPodRetention) {

    /**
     * Resolves a Revision's settings. The annotations were validated at admission; a value that still does not
     * parse is ignored in favour of the default, as Knative's PodAutoscaler accessors do.
     */
    public static RevisionAutoscaling resolve(Map<String, String> annotations, int containerConcurrency,
            AutoscalerDefaults defaults) {
        AnnotationReader read = new AnnotationReader(annotations);
        String autoscalerClass = read.text(CLASS).orElse(defaults.podAutoscalerClass());
        String metric = read.text(METRIC).orElse(AutoscalingKeys.CONCURRENCY);
        return new RevisionAutoscaling(
                autoscalerClass,
                metric,
                totalValue(read, metric, containerConcurrency, defaults),
                read.number(TARGET_UTILIZATION_PERCENTAGE).map(p -> p / 100).orElse(defaults.targetUtilization()),
                read.number(TARGET_BURST_CAPACITY).orElse(defaults.targetBurstCapacity()),
                read.duration(WINDOW).orElse(defaults.stableWindow()),
                read.number(PANIC_WINDOW_PERCENTAGE).orElse(defaults.panicWindowPercentage()),
                read.number(PANIC_THRESHOLD_PERCENTAGE).orElse(defaults.panicThresholdPercentage()),
                read.duration(SCALE_DOWN_DELAY).orElse(defaults.scaleDownDelay()),
                defaults.maxScaleUpRate(),
                defaults.maxScaleDownRate(),
                read.integer(MIN_SCALE).orElse(defaults.minScale()),
                read.integer(MAX_SCALE).orElse(defaults.maxScale()),
                read.integer(INITIAL_SCALE).filter(i -> i != 0 || defaults.allowZeroInitialScale())
                        .orElse(defaults.initialScale()),
                read.integer(ACTIVATION_SCALE).filter(a -> a > 1).orElse(1),
                defaults.enableScaleToZero(),
                defaults.scaleToZeroGracePeriod(),
                read.duration(SCALE_TO_ZERO_POD_RETENTION_PERIOD).orElse(defaults.scaleToZeroPodRetention()));
    }

    /** Knative's ResolveMetricTarget, the total part: the target annotation never aims above containerConcurrency. */
    private static double totalValue(AnnotationReader read, String metric, int containerConcurrency,
            AutoscalerDefaults defaults) {
        boolean rps = AutoscalingKeys.RPS.equals(metric);
        double total = rps ? defaults.targetRequestsPerSecond()
                : containerConcurrency > 0 ? containerConcurrency : defaults.targetConcurrency();
        return read.number(TARGET)
                .map(target -> !rps && containerConcurrency > 0 ? Math.min(target, containerConcurrency) : target)
                .orElse(total);
    }
}

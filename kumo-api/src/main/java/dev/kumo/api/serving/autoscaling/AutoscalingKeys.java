package dev.kumo.api.serving.autoscaling;

import java.time.Duration;
import java.util.List;

/** The {@code autoscaling.knative.dev/*} annotation keys, their accepted older spellings and their fixed bounds. */
public final class AutoscalingKeys {

    public static final String GROUP = "autoscaling.knative.dev";
    public static final String KPA = "kpa.autoscaling.knative.dev";
    public static final String HPA = "hpa.autoscaling.knative.dev";
    public static final String CONCURRENCY = "concurrency";
    public static final String RPS = "rps";
    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";

    public static final AnnotationKey CLASS = key("class");
    public static final AnnotationKey MIN_SCALE = key("min-scale", "minScale");
    public static final AnnotationKey MAX_SCALE = key("max-scale", "maxScale");
    public static final AnnotationKey INITIAL_SCALE = key("initial-scale", "initialScale");
    public static final AnnotationKey ACTIVATION_SCALE = key("activation-scale");
    public static final AnnotationKey METRIC = key("metric");
    public static final AnnotationKey METRIC_AGGREGATION_ALGORITHM =
            key("metric-aggregation-algorithm", "metricAggregationAlgorithm");
    public static final AnnotationKey TARGET = key("target");
    public static final AnnotationKey TARGET_UTILIZATION_PERCENTAGE =
            key("target-utilization-percentage", "targetUtilizationPercentage");
    public static final AnnotationKey TARGET_BURST_CAPACITY = key("target-burst-capacity", "targetBurstCapacity");
    public static final AnnotationKey WINDOW = key("window");
    public static final AnnotationKey PANIC_WINDOW_PERCENTAGE = key("panic-window-percentage", "panicWindowPercentage");
    public static final AnnotationKey PANIC_THRESHOLD_PERCENTAGE =
            key("panic-threshold-percentage", "panicThresholdPercentage");
    public static final AnnotationKey SCALE_TO_ZERO_POD_RETENTION_PERIOD =
            key("scale-to-zero-pod-retention-period", "scaleToZeroPodRetentionPeriod");
    public static final AnnotationKey SCALE_DOWN_DELAY = key("scale-down-delay", "scaleDownDelay");

    /** Every key, for checks that apply to all of them. */
    public static final List<AnnotationKey> ALL = List.of(CLASS, MIN_SCALE, MAX_SCALE, INITIAL_SCALE,
            ACTIVATION_SCALE, METRIC, METRIC_AGGREGATION_ALGORITHM, TARGET, TARGET_UTILIZATION_PERCENTAGE,
            TARGET_BURST_CAPACITY, WINDOW, PANIC_WINDOW_PERCENTAGE, PANIC_THRESHOLD_PERCENTAGE,
            SCALE_TO_ZERO_POD_RETENTION_PERIOD, SCALE_DOWN_DELAY);

    public static final Duration WINDOW_MIN = Duration.ofSeconds(6);
    public static final Duration WINDOW_MAX = Duration.ofHours(1);
    public static final double TARGET_MIN = 0.01;
    public static final double PANIC_WINDOW_PERCENTAGE_MIN = 1;
    public static final double PANIC_WINDOW_PERCENTAGE_MAX = 100;
    public static final double PANIC_THRESHOLD_PERCENTAGE_MIN = 110;
    public static final double PANIC_THRESHOLD_PERCENTAGE_MAX = 1000;

    private AutoscalingKeys() {
    }

    private static AnnotationKey key(String name, String... older) {
        String[] alternates = new String[older.length];
        for (int i = 0; i < older.length; i++) {
            alternates[i] = GROUP + "/" + older[i];
        }
        return AnnotationKey.of(GROUP + "/" + name, alternates);
    }
}

package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.ValueType.BOOLEAN;
import static dev.kumo.api.serving.autoscaling.ValueType.DURATION;
import static dev.kumo.api.serving.autoscaling.ValueType.NUMBER;
import static dev.kumo.api.serving.autoscaling.ValueType.TEXT;
import static dev.kumo.api.serving.autoscaling.ValueType.WHOLE_NUMBER;

import java.time.Duration;
import java.util.List;

/**
 * The key table of Knative's {@code config-autoscaler} ConfigMap (pkg/autoscaler/config), as the config file's
 * {@code autoscaler:} block takes it: each key with its type, default, bounds and the annotation that overrides it
 * per Revision. {@link AutoscalerConfig} is parsed from it, admission and the resolution of a Revision's settings
 * read it; nothing else lists the settings.
 */
public final class ConfigAutoscaler {

    private static final Bounds<Double> TARGET_AT_LEAST_MIN =
            Bounds.of(v -> v >= AutoscalingKeys.TARGET_MIN, "at least " + AutoscalingKeys.TARGET_MIN);
    private static final Bounds<Double> MORE_THAN_1 = Bounds.of(v -> v > 1, "more than 1");

    public static final ConfigKey<String> POD_AUTOSCALER_CLASS =
            ConfigKey.of("pod-autoscaler-class", TEXT, AutoscalingKeys.KPA)
                    .within(Bounds.of(AutoscalingKeys.KPA::equals, AutoscalingKeys.KPA + " (Kumo runs the KPA only)"))
                    .overriddenBy(AutoscalingKeys.CLASS);
    public static final ConfigKey<Boolean> ENABLE_SCALE_TO_ZERO = ConfigKey.of("enable-scale-to-zero", BOOLEAN, true);
    public static final ConfigKey<Boolean> ALLOW_ZERO_INITIAL_SCALE =
            ConfigKey.of("allow-zero-initial-scale", BOOLEAN, false);
    public static final ConfigKey<Integer> INITIAL_SCALE = ConfigKey.of("initial-scale", WHOLE_NUMBER, 1)
            .within(Bounds.of(n -> n >= 0, "0 or more")).overriddenBy(AutoscalingKeys.INITIAL_SCALE);
    public static final ConfigKey<Integer> MIN_SCALE = ConfigKey.of("min-scale", WHOLE_NUMBER, 0)
            .within(Bounds.of(n -> n >= 0, "0 or more")).overriddenBy(AutoscalingKeys.MIN_SCALE);
    public static final ConfigKey<Integer> MAX_SCALE = ConfigKey.of("max-scale", WHOLE_NUMBER, 0)
            .within(Bounds.of(n -> n >= 0, "0 (unlimited) or more")).overriddenBy(AutoscalingKeys.MAX_SCALE);
    public static final ConfigKey<Integer> MAX_SCALE_LIMIT = ConfigKey.of("max-scale-limit", WHOLE_NUMBER, 0)
            .within(Bounds.of(n -> n >= 0, "0 (no limit) or more"));
    public static final ConfigKey<Double> CONTAINER_CONCURRENCY_TARGET_DEFAULT =
            ConfigKey.of("container-concurrency-target-default", NUMBER, 100.0)
                    .within(TARGET_AT_LEAST_MIN).overriddenBy(AutoscalingKeys.TARGET);
    public static final ConfigKey<Double> REQUESTS_PER_SECOND_TARGET_DEFAULT =
            ConfigKey.of("requests-per-second-target-default", NUMBER, 200.0)
                    .within(TARGET_AT_LEAST_MIN).overriddenBy(AutoscalingKeys.TARGET);
    /** The utilization as a percentage; the annotation {@code target-utilization-percentage} overrides it. */
    public static final ConfigKey<Double> CONTAINER_CONCURRENCY_TARGET_PERCENTAGE =
            ConfigKey.of("container-concurrency-target-percentage", NUMBER, 70.0)
                    .within(Bounds.range(1.0, 100.0))
                    .overriddenBy(AutoscalingKeys.TARGET_UTILIZATION_PERCENTAGE);
    public static final ConfigKey<Double> TARGET_BURST_CAPACITY = ConfigKey.of("target-burst-capacity", NUMBER, 211.0)
            .within(Bounds.of(v -> v >= 0 || v == -1, "-1 (activator always in the path), 0 or more"))
            .overriddenBy(AutoscalingKeys.TARGET_BURST_CAPACITY);
    public static final ConfigKey<Duration> STABLE_WINDOW = ConfigKey.of("stable-window", DURATION,
            Duration.ofSeconds(60))
            .within(Bounds.wholeSeconds(AutoscalingKeys.WINDOW_MIN, AutoscalingKeys.WINDOW_MAX))
            .overriddenBy(AutoscalingKeys.WINDOW);
    public static final ConfigKey<Double> PANIC_WINDOW_PERCENTAGE = ConfigKey.of("panic-window-percentage", NUMBER,
            10.0)
            .within(Bounds.range(AutoscalingKeys.PANIC_WINDOW_PERCENTAGE_MIN,
                    AutoscalingKeys.PANIC_WINDOW_PERCENTAGE_MAX))
            .overriddenBy(AutoscalingKeys.PANIC_WINDOW_PERCENTAGE);
    public static final ConfigKey<Double> PANIC_THRESHOLD_PERCENTAGE = ConfigKey.of("panic-threshold-percentage",
            NUMBER, 200.0)
            .within(Bounds.range(AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE_MIN,
                    AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE_MAX))
            .overriddenBy(AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE);
    public static final ConfigKey<Double> MAX_SCALE_UP_RATE = ConfigKey.of("max-scale-up-rate", NUMBER, 1000.0)
            .within(MORE_THAN_1);
    public static final ConfigKey<Double> MAX_SCALE_DOWN_RATE = ConfigKey.of("max-scale-down-rate", NUMBER, 2.0)
            .within(MORE_THAN_1);
    public static final ConfigKey<Duration> SCALE_TO_ZERO_GRACE_PERIOD = ConfigKey.of("scale-to-zero-grace-period",
            DURATION, Duration.ofSeconds(30))
            .within(Bounds.of(Duration::isPositive, "a positive duration such as 30s"));
    public static final ConfigKey<Duration> SCALE_TO_ZERO_POD_RETENTION_PERIOD =
            ConfigKey.of("scale-to-zero-pod-retention-period", DURATION, Duration.ZERO)
                    .within(Bounds.range(Duration.ZERO, AutoscalingKeys.WINDOW_MAX))
                    .overriddenBy(AutoscalingKeys.SCALE_TO_ZERO_POD_RETENTION_PERIOD);
    public static final ConfigKey<Duration> SCALE_DOWN_DELAY = ConfigKey.of("scale-down-delay", DURATION,
            Duration.ZERO)
            .within(Bounds.wholeSeconds(Duration.ZERO, AutoscalingKeys.WINDOW_MAX))
            .overriddenBy(AutoscalingKeys.SCALE_DOWN_DELAY);
    /** Kumo's own key: how often each Revision's scale is decided (Knative decides every 2 s). */
    public static final ConfigKey<Duration> TICK_INTERVAL = ConfigKey.of("tick-interval", DURATION,
            Duration.ofSeconds(2))
            .within(Bounds.of(Duration::isPositive, "a positive duration such as 2s"));

    /** Every key, in the order above. */
    public static final List<ConfigKey<?>> ALL = List.of(POD_AUTOSCALER_CLASS, ENABLE_SCALE_TO_ZERO,
            ALLOW_ZERO_INITIAL_SCALE, INITIAL_SCALE, MIN_SCALE, MAX_SCALE, MAX_SCALE_LIMIT,
            CONTAINER_CONCURRENCY_TARGET_DEFAULT, REQUESTS_PER_SECOND_TARGET_DEFAULT,
            CONTAINER_CONCURRENCY_TARGET_PERCENTAGE, TARGET_BURST_CAPACITY, STABLE_WINDOW, PANIC_WINDOW_PERCENTAGE,
            PANIC_THRESHOLD_PERCENTAGE, MAX_SCALE_UP_RATE, MAX_SCALE_DOWN_RATE, SCALE_TO_ZERO_GRACE_PERIOD,
            SCALE_TO_ZERO_POD_RETENTION_PERIOD, SCALE_DOWN_DELAY, TICK_INTERVAL);

    private ConfigAutoscaler() {
    }
}

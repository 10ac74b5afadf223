package dev.kumo.serving.scaling;

import dev.kumo.api.serving.autoscaling.AutoscalerDefaults;
import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The server's autoscaler settings: Knative's {@code config-autoscaler} defaults (overridden per Revision by its
 * annotations) and how often the decider runs.
 *
 * @param defaults the cluster-wide defaults
 * @param tick how often each Revision's scale is decided (Knative: 2 s)
 */
public record ScalingConfig(AutoscalerDefaults defaults, Duration tick) {

    /** Knative's defaults, deciding every 2 s. */
    public static final ScalingConfig KNATIVE = new ScalingConfig(AutoscalerDefaults.KNATIVE, Duration.ofSeconds(2));

    private static final Set<String> KEYS = new TreeSet<>(Set.of("stable-window", "panic-window-percentage",
            "panic-threshold-percentage", "container-concurrency-target-default",
            "container-concurrency-target-percentage", "requests-per-second-target-default",
            "target-burst-capacity", "max-scale-up-rate", "max-scale-down-rate", "enable-scale-to-zero",
            "scale-to-zero-grace-period", "scale-to-zero-pod-retention-period", "scale-down-delay", "min-scale",
            "max-scale", "initial-scale", "allow-zero-initial-scale", "tick-interval"));

    public ScalingConfig {
        if (tick.isNegative() || tick.isZero()) {
            throw new IllegalArgumentException("autoscaler.tick-interval: invalid value " + tick
                    + ": want a positive duration such as 2s");
        }
    }

    /**
     * Reads the {@code autoscaler:} block of the config file, keys as in Knative's config-autoscaler ConfigMap;
     * an unknown key or a bad value is an error naming the key, the value and what is wanted.
     */
    public static ScalingConfig parse(Map<String, String> block) {
        for (String key : block.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("autoscaler." + key + ": unknown key; known keys: "
                        + String.join(", ", KEYS));
            }
        }
        Values v = new Values(block);
        AutoscalerDefaults k = AutoscalerDefaults.KNATIVE;
        AutoscalerDefaults defaults = new AutoscalerDefaults(k.podAutoscalerClass(),
                v.bool("allow-zero-initial-scale", k.allowZeroInitialScale()), k.maxScaleLimit(),
                v.integer("initial-scale", k.initialScale()), v.integer("min-scale", k.minScale()),
                v.integer("max-scale", k.maxScale()),
                v.number("container-concurrency-target-default", k.targetConcurrency()),
                v.number("requests-per-second-target-default", k.targetRequestsPerSecond()),
                v.number("container-concurrency-target-percentage", k.targetUtilization() * 100) / 100,
                v.duration("stable-window", k.stableWindow()),
                v.number("panic-window-percentage", k.panicWindowPercentage()),
                v.number("panic-threshold-percentage", k.panicThresholdPercentage()),
                v.number("target-burst-capacity", k.targetBurstCapacity()),
                v.duration("scale-to-zero-pod-retention-period", k.scaleToZeroPodRetention()),
                v.duration("scale-down-delay", k.scaleDownDelay()),
                v.duration("scale-to-zero-grace-period", k.scaleToZeroGracePeriod()),
                v.number("max-scale-up-rate", k.maxScaleUpRate()),
                v.number("max-scale-down-rate", k.maxScaleDownRate()),
                v.bool("enable-scale-to-zero", k.enableScaleToZero()));
        return new ScalingConfig(defaults, v.duration("tick-interval", KNATIVE.tick()));
    }

    /** Typed reads of the block's values, failing with the key, the value and the wanted form. */
    private record Values(Map<String, String> block) {

        double number(String key, double otherwise) {
            String value = block.get(key);
            try {
                return value == null ? otherwise : Double.parseDouble(value);
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a number");
            }
        }

        int integer(String key, int otherwise) {
            String value = block.get(key);
            try {
                return value == null ? otherwise : Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw invalid(key, value, "a whole number");
            }
        }

        boolean bool(String key, boolean otherwise) {
            String value = block.get(key);
            if (value == null) {
                return otherwise;
            }
            if (!value.equals("true") && !value.equals("false")) {
                throw invalid(key, value, "true or false");
            }
            return Boolean.parseBoolean(value);
        }

        Duration duration(String key, Duration otherwise) {
            String value = block.get(key);
            return value == null ? otherwise : GoDuration.parse(value).filter(d -> !d.isNegative())
                    .orElseThrow(() -> invalid(key, value, "a duration such as 60s or 1m30s"));
        }

        private static IllegalArgumentException invalid(String key, String value, String wanted) {
            return new IllegalArgumentException("autoscaler." + key + ": invalid value \"" + value + "\": want "
                    + wanted);
        }
    }
}

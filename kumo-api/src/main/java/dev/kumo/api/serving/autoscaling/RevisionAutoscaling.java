package dev.kumo.api.serving.autoscaling;

import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_DEFAULT;
import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.ConfigAutoscaler.REQUESTS_PER_SECOND_TARGET_DEFAULT;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How one Revision scales: its {@code autoscaling.knative.dev/*} annotations over the cluster's
 * {@link AutoscalerConfig}, resolved the way Knative's KPA reconciler does (MakeDecider, ResolveMetricTarget,
 * ScaleBounds, GetInitialScale), in the shape the autoscaler takes it: the decider's spec, the scale bounds and
 * the scale-to-zero settings, plus whether a route sends the Revision traffic.
 *
 * @param autoscalerClass the class; Kumo scales only {@code kpa.autoscaling.knative.dev}
 * @param decider what the decider takes
 * @param bounds the instance counts kept to
 * @param scaleToZero when the last instance may go
 * @param reachable whether a route sends traffic to the Revision; an unreachable one ignores min-scale,
 *     initial-scale and retention and may drop to zero at once (resolved settings say reachable; the autoscaler's
 *     caller says otherwise at each decision)
 */
public record RevisionAutoscaling(String autoscalerClass, DeciderSpec decider, ScaleBounds bounds,
        ScaleToZero scaleToZero, boolean reachable) {

    public RevisionAutoscaling {
        Objects.requireNonNull(autoscalerClass, "autoscalerClass");
        Objects.requireNonNull(decider, "decider");
        Objects.requireNonNull(bounds, "bounds");
        Objects.requireNonNull(scaleToZero, "scaleToZero");
    }

    /**
     * Resolves a Revision's settings. The annotations were validated at admission; a value that still does not
     * parse is ignored in favour of the default, as Knative's PodAutoscaler accessors do.
     */
    public static RevisionAutoscaling resolve(Map<String, String> annotations, int containerConcurrency,
            AutoscalerConfig config) {
        ScalingMetric metric = AutoscalingKeys.METRIC.lookup(annotations)
                .flatMap(found -> ScalingMetric.parse(found.value())).orElse(ScalingMetric.CONCURRENCY);
        return builder()
                .autoscalerClass(config.forRevision(ConfigAutoscaler.POD_AUTOSCALER_CLASS, annotations))
                .decider(spec -> spec.metric(metric)
                        .totalValue(totalValue(annotations, metric, containerConcurrency, config))
                        .targetUtilization(config.forRevision(CONTAINER_CONCURRENCY_TARGET_PERCENTAGE, annotations)
                                / 100)
                        .targetBurstCapacity(config.forRevision(ConfigAutoscaler.TARGET_BURST_CAPACITY, annotations))
                        .stableWindow(config.forRevision(ConfigAutoscaler.STABLE_WINDOW, annotations))
                        .panicWindowPercentage(config.forRevision(ConfigAutoscaler.PANIC_WINDOW_PERCENTAGE,
                                annotations))
                        .panicThresholdPercentage(config.forRevision(ConfigAutoscaler.PANIC_THRESHOLD_PERCENTAGE,
                                annotations))
                        .scaleDownDelay(config.forRevision(ConfigAutoscaler.SCALE_DOWN_DELAY, annotations))
                        .maxScaleUpRate(config.get(ConfigAutoscaler.MAX_SCALE_UP_RATE))
                        .maxScaleDownRate(config.get(ConfigAutoscaler.MAX_SCALE_DOWN_RATE)))
                .bounds(bounds -> bounds
                        .min(config.forRevision(ConfigAutoscaler.MIN_SCALE, annotations))
                        .max(config.forRevision(ConfigAutoscaler.MAX_SCALE, annotations))
                        .initial(ConfigAutoscaler.INITIAL_SCALE.annotated(annotations)
                                .filter(i -> i != 0 || config.get(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE))
                                .orElse(config.get(ConfigAutoscaler.INITIAL_SCALE)))
                        .activation(AutoscalingKeys.ACTIVATION_SCALE.lookup(annotations)
                                .flatMap(found -> ValueType.WHOLE_NUMBER.parse(found.value()))
                                .filter(activation -> activation > 1).orElse(1)))
                .scaleToZero(zero -> zero
                        .enabled(config.get(ConfigAutoscaler.ENABLE_SCALE_TO_ZERO))
                        .gracePeriod(config.get(ConfigAutoscaler.SCALE_TO_ZERO_GRACE_PERIOD))
                        .podRetention(config.forRevision(ConfigAutoscaler.SCALE_TO_ZERO_POD_RETENTION_PERIOD,
                                annotations)))
                .build();
    }

    /** Knative's ResolveMetricTarget, the total part: the target annotation never aims above containerConcurrency. */
    private static double totalValue(Map<String, String> annotations, ScalingMetric metric, int containerConcurrency,
            AutoscalerConfig config) {
        boolean rps = metric == ScalingMetric.RPS;
        double total = rps ? config.get(REQUESTS_PER_SECOND_TARGET_DEFAULT)
                : containerConcurrency > 0 ? containerConcurrency : config.get(CONTAINER_CONCURRENCY_TARGET_DEFAULT);
        // Both target defaults are overridden by the one target annotation.
        Optional<Double> target = CONTAINER_CONCURRENCY_TARGET_DEFAULT.annotated(annotations);
        return target.map(t -> !rps && containerConcurrency > 0 ? Math.min(t, containerConcurrency) : t)
                .orElse(total);
    }

    /** Knative's defaults for a reachable Revision without annotations or containerConcurrency. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** These settings for a Revision a route does ({@code true}) or does not send traffic to. */
    public RevisionAutoscaling withReachable(boolean value) {
        return new RevisionAutoscaling(autoscalerClass, decider, bounds, scaleToZero, value);
    }

    /** The lower bound: min-scale, ignored while unreachable. */
    public int effectiveMinScale() {
        return reachable ? bounds.min() : 0;
    }

    /** The last instance's retention: none for an unreachable Revision. */
    public Duration effectiveRetention() {
        return reachable ? scaleToZero.podRetention() : Duration.ZERO;
    }

    /** Builds {@link RevisionAutoscaling}: each part through its own builder, by name. */
    public static final class Builder {
        private String autoscalerClass = ConfigAutoscaler.POD_AUTOSCALER_CLASS.defaultValue();
        private DeciderSpec.Builder decider = DeciderSpec.builder();
        private ScaleBounds.Builder bounds = ScaleBounds.builder();
        private ScaleToZero.Builder scaleToZero = ScaleToZero.builder();
        private boolean reachable = true;

        private Builder() {
        }

        private Builder(RevisionAutoscaling settings) {
            autoscalerClass = settings.autoscalerClass;
            decider = settings.decider.toBuilder();
            bounds = settings.bounds.toBuilder();
            scaleToZero = settings.scaleToZero.toBuilder();
            reachable = settings.reachable;
        }

        public Builder autoscalerClass(String value) {
            autoscalerClass = value;
            return this;
        }

        /** Changes the decider's spec: {@code decider(spec -> spec.totalValue(10))}. */
        public Builder decider(Consumer<DeciderSpec.Builder> change) {
            change.accept(decider);
            return this;
        }

        /** Changes the scale bounds: {@code bounds(b -> b.min(2))}. */
        public Builder bounds(Consumer<ScaleBounds.Builder> change) {
            change.accept(bounds);
            return this;
        }

        /** Changes the scale-to-zero settings: {@code scaleToZero(z -> z.enabled(false))}. */
        public Builder scaleToZero(Consumer<ScaleToZero.Builder> change) {
            change.accept(scaleToZero);
            return this;
        }

        public Builder reachable(boolean value) {
            reachable = value;
            return this;
        }

        public RevisionAutoscaling build() {
            return new RevisionAutoscaling(autoscalerClass, decider.build(), bounds.build(), scaleToZero.build(),
                    reachable);
        }
    }
}

package dev.kumo.api.serving.autoscaling;

import java.util.Optional;

/** What the KPA scales on: in-flight requests or requests per second. */
public enum ScalingMetric {
    /** Average in-flight requests (annotation value {@code concurrency}). */
    CONCURRENCY("concurrency"),
    /** Requests per second (annotation value {@code rps}). */
    RPS("rps");

    private final String annotationValue;

    ScalingMetric(String annotationValue) {
        this.annotationValue = annotationValue;
    }

    /**
     * The metric an {@code autoscaling.knative.dev/metric} value names; empty for the HPA's metrics (cpu, memory,
     * a custom one), which the KPA does not scale on.
     */
    public static Optional<ScalingMetric> parse(String annotationValue) {
        for (ScalingMetric metric : values()) {
            if (metric.annotationValue.equals(annotationValue)) {
                return Optional.of(metric);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return annotationValue;
    }
}

package dev.kumo.autoscaler;

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

    /** The metric an {@code autoscaling.knative.dev/metric} value names. */
    public static ScalingMetric of(String annotationValue) {
        for (ScalingMetric metric : values()) {
            if (metric.annotationValue.equals(annotationValue)) {
                return metric;
            }
        }
        throw new IllegalArgumentException("autoscaling metric is \"" + annotationValue
                + "\", want concurrency or rps (cpu and memory need the HPA class, which Kumo does not run)");
    }

    /** How the metric reads in a decision's reason. */
    String phrase() {
        return this == CONCURRENCY ? "avg concurrency" : "rps";
    }

    @Override
    public String toString() {
        return annotationValue;
    }
}

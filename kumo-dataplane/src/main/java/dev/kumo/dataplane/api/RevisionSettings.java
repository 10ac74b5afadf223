package dev.kumo.dataplane.api;

/**
 * What the router enforces for one revision: {@code timeoutSeconds} until the first response byte, and
 * {@code containerConcurrency} in-flight requests per instance (0 = unlimited).
 */
public record RevisionSettings(int timeoutSeconds, int containerConcurrency) {

    /** Knative's defaults: 300 s, unlimited concurrency. */
    public static final RevisionSettings DEFAULTS = new RevisionSettings(300, 0);

    public RevisionSettings {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds is " + timeoutSeconds + ", want > 0");
        }
        if (containerConcurrency < 0) {
            throw new IllegalArgumentException("containerConcurrency is " + containerConcurrency + ", want >= 0");
        }
    }

    /**
     * How many requests may wait per ready instance while the activator is out of the path: 10 ×
     * containerConcurrency, as each pod's queue-proxy in Knative.
     */
    public int maxQueuedPerInstance() {
        return containerConcurrency * 10;
    }
}

package dev.kumo.dataplane.api;

/**
 * What the router enforces for one revision: {@code timeoutSeconds} until the first response byte,
 * {@code containerConcurrency} in-flight requests per instance (0 = unlimited), and how it speaks to an instance:
 * HTTP/2 with prior knowledge when {@code h2c} (the container's port is named {@code h2c}, as in Knative), else
 * HTTP/1.1.
 */
public record RevisionSettings(int timeoutSeconds, int containerConcurrency, boolean h2c) {

    /** Knative's defaults: 300 s, unlimited concurrency, HTTP/1.1. */
    public static final RevisionSettings DEFAULTS = new RevisionSettings(300, 0);

    /** Settings of a revision spoken to over HTTP/1.1. */
    public RevisionSettings(int timeoutSeconds, int containerConcurrency) {
        this(timeoutSeconds, containerConcurrency, false);
    }

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

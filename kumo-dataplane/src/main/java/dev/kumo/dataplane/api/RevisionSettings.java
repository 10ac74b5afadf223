package dev.kumo.dataplane.api;

/**
 * What the router enforces for one revision: {@code timeoutSeconds} until the first response byte (from arrival),
 * {@code containerConcurrency} in-flight requests per instance (0 = unlimited), how it speaks to an instance:
 * HTTP/2 with prior knowledge when {@code h2c} (the container's port is named {@code h2c}, as in Knative), else
 * HTTP/1.1; and Knative's {@code responseStartTimeoutSeconds} and {@code idleTimeoutSeconds}, counted from the
 * request's delivery to its instance (0: none).
 */
public record RevisionSettings(int timeoutSeconds, int containerConcurrency, boolean h2c,
        int responseStartTimeoutSeconds, int idleTimeoutSeconds) {

    /** Knative's defaults: 300 s, unlimited concurrency, HTTP/1.1. */
    public static final RevisionSettings DEFAULTS = new RevisionSettings(300, 0);

    /** Settings of a revision spoken to over HTTP/1.1. */
    public RevisionSettings(int timeoutSeconds, int containerConcurrency) {
        this(timeoutSeconds, containerConcurrency, false);
    }

    /** Settings without a response-start or idle timeout. */
    public RevisionSettings(int timeoutSeconds, int containerConcurrency, boolean h2c) {
        this(timeoutSeconds, containerConcurrency, h2c, 0, 0);
    }

    public RevisionSettings {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds is " + timeoutSeconds + ", want > 0");
        }
        if (containerConcurrency < 0) {
            throw new IllegalArgumentException("containerConcurrency is " + containerConcurrency + ", want >= 0");
        }
        if (responseStartTimeoutSeconds < 0 || idleTimeoutSeconds < 0) {
            throw new IllegalArgumentException("responseStartTimeoutSeconds is " + responseStartTimeoutSeconds
                    + " and idleTimeoutSeconds " + idleTimeoutSeconds + ", want >= 0 (0: none)");
        }
    }

    /**
     * Whether a request needs more than the first-byte timer: a response-start timeout that can fire before
     * {@code timeoutSeconds} does, or an idle timeout.
     */
    public boolean timesResponses() {
        return idleTimeoutSeconds > 0
                || responseStartTimeoutSeconds > 0 && responseStartTimeoutSeconds < timeoutSeconds;
    }

    /**
     * How many requests may wait per ready instance while the activator is out of the path: 10 ×
     * containerConcurrency, as each pod's queue-proxy in Knative.
     */
    public int maxQueuedPerInstance() {
        return containerConcurrency * 10;
    }
}

package dev.kumo.autoscaler.metrics;

/**
 * One second of a revision's load as the data plane saw it: the time-weighted average of its in-flight requests
 * (across all its instances and the requests the activator holds) and the requests that arrived in that second.
 * The router produces one per revision per second; the autoscaler's windows consume them.
 *
 * @param epochSecond the second this sample covers (seconds since the epoch)
 * @param averageConcurrency time-weighted average in-flight requests during that second
 * @param requests requests that arrived during that second
 */
public record LoadSample(long epochSecond, double averageConcurrency, long requests) {

    public LoadSample {
        if (averageConcurrency < 0 || Double.isNaN(averageConcurrency)) {
            throw new IllegalArgumentException("averageConcurrency is " + averageConcurrency + ", want >= 0");
        }
        if (requests < 0) {
            throw new IllegalArgumentException("requests is " + requests + ", want >= 0");
        }
    }
}

package dev.kumo.dataplane.router;

/**
 * One closed window of a {@link LoadMeter}: the request-nanoseconds spent in flight, the window's length and the
 * arrivals in it.
 */
record LoadWindow(long busyNanos, long nanos, long arrivals) {

    /** The time-weighted average number of requests in flight; 0 for an empty window. */
    double averageConcurrency() {
        return nanos <= 0 ? 0 : (double) busyNanos / nanos;
    }
}

package dev.kumo.dataplane.router;

/** What the request path records for one revision: its load (for the autoscaler) and its meters (for /metrics). */
record RevisionStats(RevisionLoad load, RevisionMeters meters) {

    void arrive(int loop, long nowNanos) {
        load.arrive(loop, nowNanos);
    }

    void leave(int loop, long nowNanos) {
        load.leave(loop, nowNanos);
    }

    void firstByte(int status, long latencyNanos, boolean atZero) {
        meters.firstByte(status, latencyNanos, atZero);
    }
}

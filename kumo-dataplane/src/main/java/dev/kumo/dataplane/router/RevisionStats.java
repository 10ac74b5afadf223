package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.ScalingSignals;
import java.time.Duration;

/**
 * What the request path records for one revision: its load (for the autoscaler), its meters (for /metrics) and its
 * cold starts (a scaling signal).
 */
record RevisionStats(RevisionId revision, RevisionLoad load, RevisionMeters meters, ScalingSignals signals) {

    void arrive(int loop, long nowNanos) {
        load.arrive(loop, nowNanos);
    }

    void leave(int loop, long nowNanos) {
        load.leave(loop, nowNanos);
    }

    /**
     * The first response byte, {@code latencyNanos} after arrival; {@code servedBy} is the instance that answered,
     * or null when the router answered itself.
     */
    void firstByte(int status, long latencyNanos, boolean atZero, Instance servedBy) {
        meters.firstByte(status, latencyNanos, atZero);
        if (atZero && servedBy != null) {
            // Off the hot path: only requests that were held at zero get here.
            signals.coldStart(new ColdStart(revision, servedBy.address, Duration.ofNanos(latencyNanos)));
        }
    }
}

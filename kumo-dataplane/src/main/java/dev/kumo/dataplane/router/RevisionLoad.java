package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.LoadSample;
import java.util.Optional;

/**
 * A revision's load across event loops: one {@link LoadMeter} per loop (each touched only by its loop), rolled up
 * by each loop into its window for a tick, then summed into one {@link LoadSample} once every loop has rolled up.
 */
final class RevisionLoad {

    private final LoadMeter[] meters;
    private final LoadWindow[] windows;
    private final long[] windowTicks;

    RevisionLoad(int loops, long nowNanos) {
        meters = new LoadMeter[loops];
        for (int i = 0; i < loops; i++) {
            meters[i] = new LoadMeter(nowNanos);
        }
        windows = new LoadWindow[loops];
        windowTicks = new long[loops];
    }

    void arrive(int loop, long nowNanos) {
        meters[loop].arrive(nowNanos);
    }

    void leave(int loop, long nowNanos) {
        meters[loop].leave(nowNanos);
    }

    /** Requests of the revision in the router now (read across loops without synchronization: a gauge value). */
    int inFlight() {
        int sum = 0;
        for (LoadMeter meter : meters) {
            sum += meter.inFlight();
        }
        return sum;
    }

    /** Closes loop {@code loop}'s window for {@code tick}; runs on that loop. */
    void rollUp(int loop, long tick, long nowNanos) {
        windows[loop] = meters[loop].rollUp(nowNanos);
        windowTicks[loop] = tick;
    }

    /**
     * The sample of {@code tick} (its loops' windows summed), once every loop has rolled up; empty when the revision
     * had no traffic and has no instance (a revision with instances reports zeros, so that windows decay).
     */
    Optional<LoadSample> sample(long tick, long epochSecond, boolean hasInstances) {
        double concurrency = 0;
        long arrivals = 0;
        for (int i = 0; i < windows.length; i++) {
            if (windowTicks[i] == tick) {
                concurrency += windows[i].averageConcurrency();
                arrivals += windows[i].arrivals();
            }
        }
        if (arrivals == 0 && concurrency == 0 && !hasInstances) {
            return Optional.empty();
        }
        return Optional.of(new LoadSample(epochSecond, Math.max(0, concurrency), arrivals));
    }
}

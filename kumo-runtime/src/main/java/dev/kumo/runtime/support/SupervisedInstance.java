package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.Instance;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.CompletableFuture;

/**
 * One instance kept running on a thread of its own (a process's supervisor, a pod's): its latest snapshot, the stop
 * request that wakes it, and the future its stop completes with the Stopped snapshot. The runtime's own class says
 * how it runs ({@link #run}); it publishes into {@link #current} and calls {@link #stopped} last.
 */
public abstract class SupervisedInstance implements Runnable {

    /** Wakes the supervising thread: a stop, an exit. */
    protected final Wakeup wakeup = new Wakeup();
    private final CompletableFuture<Instance> done = new CompletableFuture<>();
    private final Duration grace;
    protected volatile boolean stopRequested;
    protected volatile Instance current;

    /** An instance first seen as {@code initial}, given {@code grace} to stop after SIGTERM. */
    protected SupervisedInstance(Instance initial, Duration grace) {
        this.current = initial;
        this.grace = grace;
    }

    /** How long this instance may take to stop after SIGTERM. */
    public final Duration grace() {
        return grace;
    }

    /** The instance as last published. */
    public final Instance snapshot() {
        return current;
    }

    /** Asks the instance to stop; the future completes with its Stopped snapshot. */
    public CompletableFuture<Instance> stop() {
        stopRequested = true;
        wakeup.signal();
        return done;
    }

    /** Waits on the supervising thread until a stop is asked. */
    protected final void awaitStopRequest(InstantSource clock) {
        while (!stopRequested) {
            wakeup.awaitUntil(Instant.MAX, clock);
        }
    }

    /** Completes {@link #stop}'s future with the current (Stopped) snapshot: the last thing the thread does. */
    protected final void stopped() {
        done.complete(current);
    }
}

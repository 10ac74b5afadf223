package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The {@link Activator}'s state of one revision: how many requests are held for want of a ready instance, up to how
 * many may be, whether the autoscaler has put the activator in the revision's path (then queued requests, too, may
 * wait up to that many), and the demand signal that asks the platform for an instance: at once when a request is
 * held, then at most once per second while requests are still held at zero.
 */
final class ActivatorState {

    static final long DEMAND_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final RevisionId revision;
    private final int maxHeld;
    private final Consumer<RevisionId> listener;
    private final BooleanSupplier inPath;
    private final AtomicInteger held = new AtomicInteger();
    private boolean signalled;
    private long lastSignalNanos;

    /** {@code inPath} answers whether the autoscaler has put the activator in the path, at each call. */
    ActivatorState(RevisionId revision, int maxHeld, Consumer<RevisionId> demand, BooleanSupplier inPath) {
        this.revision = revision;
        this.maxHeld = maxHeld;
        this.listener = demand;
        this.inPath = inPath;
    }

    int maxHeld() {
        return maxHeld;
    }

    /** Whether the autoscaler last said the activator is in the path (Knative's EBC < 0 or no instance wanted). */
    boolean inPath() {
        return inPath.getAsBoolean();
    }

    /** Requests held now. */
    int held() {
        return held.get();
    }

    /**
     * A request is held because the revision has no ready instance; call {@link #demand} once outside locks. Returns
     * whether it is the only one held (a cold start begins).
     */
    boolean hold() {
        return held.incrementAndGet() == 1;
    }

    /** Signals demand for an instance, unless it was signalled less than a second ago. */
    void demand(long nowNanos) {
        synchronized (this) {
            if (signalled && nowNanos - lastSignalNanos < DEMAND_INTERVAL_NANOS) {
                return;
            }
            signalled = true;
            lastSignalNanos = nowNanos;
        }
        listener.accept(revision);
    }

    /** A held request left the hold (released to an instance, timed out, or its client went away). */
    void unhold() {
        held.decrementAndGet();
    }

    /** The once-a-second reminder: signals demand again while requests are held and no instance is ready. */
    void remind(long nowNanos, int readyInstances) {
        if (readyInstances == 0 && held.get() > 0) {
            demand(nowNanos);
        }
    }
}

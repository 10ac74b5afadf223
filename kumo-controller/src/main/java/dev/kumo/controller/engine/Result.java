package dev.kumo.controller.engine;

import java.time.Duration;

/**
 * What a reconcile achieved: done until something changes, or look again after a delay. Failures are thrown
 * instead, so a result and an error together cannot be expressed.
 */
public sealed interface Result {

    /** Converged; reconcile again only when a watched object changes (or at resync). */
    record Done() implements Result {
    }

    /** Converged for now, but look again after {@code delay} (e.g. waiting on something not watched). */
    record RequeueAfter(Duration delay) implements Result {
        public RequeueAfter {
            if (delay == null || delay.isNegative()) {
                throw new IllegalArgumentException("requeue delay must be zero or more, got " + delay);
            }
        }
    }

    static Result done() {
        return new Done();
    }

    static Result requeueAfter(Duration delay) {
        return new RequeueAfter(delay);
    }
}

package dev.kumo.runtime.support;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** Lets a supervisor wait until a deadline or until something happens (exit, stop), whichever comes first. */
public final class Wakeup {

    // Bounds one wait so far-away deadlines (Instant.MAX) cannot overflow; the loop waits again.
    private static final Duration LONGEST = Duration.ofHours(1);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition signalled = lock.newCondition();
    private boolean pending;

    /** Wakes the waiter, or makes its next wait return at once. */
    public void signal() {
        lock.lock();
        try {
            pending = true;
            signalled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the deadline or a signal; a signal given before the call counts. */
    public void awaitUntil(Instant deadline, InstantSource clock) {
        lock.lock();
        try {
            while (!pending) {
                Duration left = Duration.between(clock.instant(), deadline);
                long nanos = left.compareTo(LONGEST) > 0 ? LONGEST.toNanos() : left.toNanos();
                if (nanos <= 0) {
                    break;
                }
                signalled.awaitNanos(nanos);
            }
            pending = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }
}

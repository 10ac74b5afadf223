package dev.kumo.runtime.podman;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * How a supervising thread sleeps: until a deadline or until woken (an exit, a stop), at most an hour at a time,
 * then with the wakeups that came meanwhile consumed.
 */
final class Wakeups {

    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private Wakeups() {
    }

    static void await(Semaphore wakeup, InstantSource clock, Instant deadline) {
        Instant now = clock.instant();
        Instant until = deadline.isAfter(now.plus(LONGEST_WAIT)) ? now.plus(LONGEST_WAIT) : deadline;
        try {
            if (until.isAfter(now)) {
                wakeup.tryAcquire(Duration.between(now, until).toNanos(), TimeUnit.NANOSECONDS);
            }
            wakeup.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

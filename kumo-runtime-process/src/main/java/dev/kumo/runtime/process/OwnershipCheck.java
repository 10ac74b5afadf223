package dev.kumo.runtime.process;

import java.time.Duration;
import java.time.Instant;

/**
 * When a run's readiness probe checks in {@code /proc} that the socket it reached is the instance's own
 * ({@link PortCheck}, milliseconds of reads): before the first Ready only where a port conflict is possible, that is
 * when the probe aims at a port other than the instance's own or that port was held when the run started. Otherwise
 * what accepts there can only be the run itself, bar a process binding that very port in the milliseconds of the
 * start; the check then runs on the probe {@link #VERIFY_AFTER} after Ready, off the first request's path, and a
 * conflict found then withdraws readiness at once.
 *
 * @param servingPort the instance's own port ({@code PORT})
 * @param portFreeAtStart whether nothing held {@code servingPort} just before the run started
 */
record OwnershipCheck(int servingPort, boolean portFreeAtStart) {

    /** How long after a Ready published without the check the check runs: after the first request, usually. */
    static final Duration VERIFY_AFTER = Duration.ofMillis(100);

    /** Whether a probe of {@code probedPort} before the first Ready must check the socket's owner first. */
    boolean beforeReady(int probedPort) {
        return !portFreeAtStart || probedPort != servingPort;
    }

    /** When the check runs after a Ready at {@code readyAt} published without it. */
    static Instant verifyAt(Instant readyAt) {
        return readyAt.plus(VERIFY_AFTER);
    }
}

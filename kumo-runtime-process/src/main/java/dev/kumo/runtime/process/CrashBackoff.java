package dev.kumo.runtime.process;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Kubernetes-style CrashLoopBackOff: the delay doubles with each consecutive crash up to a cap, and a run that
 * lasted {@code resetAfter} starts the count again.
 */
public record CrashBackoff(Duration initial, Duration max, Duration resetAfter) {

    public CrashBackoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        Objects.requireNonNull(resetAfter, "resetAfter");
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /** 1 s, 2 s, 4 s, … capped at 5 min; reset after 10 min of running. */
    public static CrashBackoff defaults() {
        return new CrashBackoff(Duration.ofSeconds(1), Duration.ofMinutes(5), Duration.ofMinutes(10));
    }

    /** When to start again after a run that began at {@code startedAt} ended at {@code endedAt}. */
    public Restart next(int previousCrashes, Instant startedAt, Instant endedAt) {
        boolean ranLongEnough = Duration.between(startedAt, endedAt).compareTo(resetAfter) >= 0;
        int crashes = ranLongEnough ? 1 : previousCrashes + 1;
        return new Restart(crashes, endedAt.plus(delay(crashes)));
    }

    /** The wait before the next start after {@code crashes} consecutive crashes (at least 1). */
    public Duration delay(int crashes) {
        Duration delay = initial;
        for (int i = 1; i < crashes && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) > 0 ? max : delay;
    }

    /** The decision: the consecutive crash count so far and when to start again. */
    public record Restart(int consecutiveCrashes, Instant at) {
    }
}

package dev.kumo.controller.engine;

import java.time.Duration;

/** Exponential retry delays: {@code base × 2^(failures-1)}, capped at {@code max}. Pure. */
public record Backoff(Duration base, Duration max) {

    /** 5 ms doubling up to 5 minutes, close to client-go's per-item limiter. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(5), Duration.ofMinutes(5));

    public Backoff {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < base <= max, got base " + base + ", max " + max);
        }
    }

    /** The delay before the retry that follows the {@code failures}-th consecutive failure (1 or more). */
    public Duration delay(int failures) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, got " + failures);
        }
        int doublings = Math.min(failures - 1, 62);
        long baseNanos = base.toNanos();
        if (doublings >= Long.numberOfLeadingZeros(baseNanos) - 1) {
            return max;
        }
        Duration delay = Duration.ofNanos(baseNanos << doublings);
        return delay.compareTo(max) > 0 ? max : delay;
    }
}

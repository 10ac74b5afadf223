package dev.kumo.runtime.support;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How much of an instance's log a runtime keeps: at most {@code maxBytes} of lines per instance (older lines rotate
 * away), and nothing once {@code afterStop} has passed since the instance stopped (files and memory dropped).
 */
public record LogRetention(long maxBytes, Duration afterStop) {

    /** 10 MiB per instance, kept 24 hours after it stopped. */
    public static final LogRetention DEFAULTS = new LogRetention(10L * 1024 * 1024, Duration.ofHours(24));

    public LogRetention {
        Objects.requireNonNull(afterStop, "afterStop");
        if (maxBytes < 2048) {
            throw new IllegalArgumentException("the log size kept per instance must be at least 2048 bytes, got "
                    + maxBytes);
        }
        if (afterStop.isNegative()) {
            throw new IllegalArgumentException("the log retention after stop must not be negative, got " + afterStop);
        }
    }

    /** Whether the log of an instance that stopped at {@code stoppedAt} is to be dropped at {@code now}. */
    public boolean expired(Instant stoppedAt, Instant now) {
        return !now.isBefore(stoppedAt.plus(afterStop));
    }

    /** This retention keeping a stopped instance's log for {@code duration}. */
    public LogRetention withAfterStop(Duration duration) {
        return new LogRetention(maxBytes, duration);
    }

    /** This retention keeping at most {@code bytes} per instance. */
    public LogRetention withMaxBytes(long bytes) {
        return new LogRetention(bytes, afterStop);
    }
}

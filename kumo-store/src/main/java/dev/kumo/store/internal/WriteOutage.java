package dev.kumo.store.internal;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a run of failed writes once when it starts, with its cause, and once when a write succeeds again — not once
 * per request, which a full disk would turn into a flood. Used by the one writer only.
 */
final class WriteOutage {

    private static final Logger LOG = LoggerFactory.getLogger(WriteOutage.class);

    private final String target;
    private long failures;
    private long sinceNanos;

    WriteOutage(String target) {
        this.target = target;
    }

    void failed(String cause) {
        if (failures++ == 0) {
            sinceNanos = System.nanoTime();
            LOG.error("writes to {} are failing: {}; every write is refused until one succeeds again", target, cause);
        }
    }

    void succeeded() {
        if (failures > 0) {
            long seconds = Duration.ofNanos(System.nanoTime() - sinceNanos).toSeconds();
            LOG.warn("writes to {} succeed again, after {} failed writes in {} s", target, failures, seconds);
            failures = 0;
        }
    }
}

package dev.kumo.store.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Kubernetes timestamps: RFC 3339 in UTC to the second, e.g. {@code 2026-11-22T03:21:00Z}. */
final class Timestamps {

    private Timestamps() {
    }

    static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}

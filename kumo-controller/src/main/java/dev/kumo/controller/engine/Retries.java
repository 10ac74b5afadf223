package dev.kumo.controller.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Consecutive failures per key and when each failed key may be tried again; thread-safe. */
final class Retries {

    private final Backoff backoff;
    private final Map<NamespacedName, Integer> failures = new HashMap<>();

    Retries(Backoff backoff) {
        this.backoff = backoff;
    }

    /** Records one more failure of {@code key} at {@code now}; returns when to try it again. */
    synchronized Instant failed(NamespacedName key, Instant now) {
        int count = failures.merge(key, 1, Integer::sum);
        Duration delay = backoff.delay(count);
        return now.plus(delay);
    }

    /** The key succeeded (or failed terminally): its next failure starts from the base delay again. */
    synchronized void forget(NamespacedName key) {
        failures.remove(key);
    }

    synchronized int failures(NamespacedName key) {
        return failures.getOrDefault(key, 0);
    }
}

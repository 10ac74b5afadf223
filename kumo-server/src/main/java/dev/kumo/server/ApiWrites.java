package dev.kumo.server;

import dev.kumo.apiserver.RequestMetrics;
import java.time.Duration;
import java.util.Set;

/**
 * The API server's request meters, noting when a write (create, update, patch, apply, delete) was last answered: the
 * start-up warm-up yields to what a user's write sets off (reconciles, an instance's start). Reads do not count, so
 * that a scrape or the dashboard's polling does not hold it back.
 */
final class ApiWrites implements RequestMetrics {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "APPLY", "DELETE");

    private final RequestMetrics meters;
    /** {@link System#nanoTime} of the last write answered; a day before construction until then. */
    private volatile long lastWriteNanos = System.nanoTime() - Duration.ofDays(1).toNanos();

    ApiWrites(RequestMetrics meters) {
        this.meters = meters;
    }

    /** When a write was last answered, on the {@link System#nanoTime} clock. */
    long lastWriteNanos() {
        return lastWriteNanos;
    }

    @Override
    public void answered(Request request, int code, Duration took) {
        if (WRITES.contains(request.verb())) {
            lastWriteNanos = System.nanoTime();
        }
        meters.answered(request, code, took);
    }

    @Override
    public Runnable longRunning(Request request) {
        return meters.longRunning(request);
    }
}

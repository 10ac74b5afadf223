package dev.kumo.controller.engine;

import java.time.Duration;

/**
 * How the engine runs: how often every primary object is reconciled again although nothing changed, the retry
 * backoff, and how many keys of one controller are reconciled at once.
 */
public record EngineOptions(Duration resyncPeriod, Backoff backoff, int workersPerController) {

    /** Resync every 10 minutes, {@link Backoff#DEFAULT}, 2 workers per controller. */
    public static final EngineOptions DEFAULTS = new EngineOptions(Duration.ofMinutes(10), Backoff.DEFAULT, 2);

    public EngineOptions {
        if (resyncPeriod.isNegative() || resyncPeriod.isZero() || workersPerController < 1) {
            throw new IllegalArgumentException("resyncPeriod must be positive and workersPerController at least 1, got "
                    + resyncPeriod + " and " + workersPerController);
        }
    }

    public EngineOptions withResyncPeriod(Duration value) {
        return new EngineOptions(value, backoff, workersPerController);
    }

    public EngineOptions withBackoff(Backoff value) {
        return new EngineOptions(resyncPeriod, value, workersPerController);
    }

    public EngineOptions withWorkersPerController(int value) {
        return new EngineOptions(resyncPeriod, backoff, value);
    }
}

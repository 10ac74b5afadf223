package dev.kumo.controller.engine;

import java.time.Duration;

/**
 * How the engine runs: how often every primary object is reconciled again although nothing changed, the retry
 * backoff, how many keys of one controller are reconciled at once, where its queues' and reconciles' metrics go, and
 * where its reconciles are traced.
 */
public record EngineOptions(Duration resyncPeriod, Backoff backoff, int workersPerController, EngineMetrics metrics,
        ReconcileTracing tracing) {

    /** Resync every 10 minutes, {@link Backoff#DEFAULT}, 2 workers per controller, no metrics. */
    public static final EngineOptions DEFAULTS = new EngineOptions(Duration.ofMinutes(10), Backoff.DEFAULT, 2);

    /** Without metrics ({@link EngineMetrics#NONE}). */
    public EngineOptions(Duration resyncPeriod, Backoff backoff, int workersPerController) {
        this(resyncPeriod, backoff, workersPerController, EngineMetrics.NONE);
    }

    /** Without tracing ({@link ReconcileTracing#NONE}). */
    public EngineOptions(Duration resyncPeriod, Backoff backoff, int workersPerController, EngineMetrics metrics) {
        this(resyncPeriod, backoff, workersPerController, metrics, ReconcileTracing.NONE);
    }

    public EngineOptions {
        if (resyncPeriod.isNegative() || resyncPeriod.isZero() || workersPerController < 1) {
            throw new IllegalArgumentException("resyncPeriod must be positive and workersPerController at least 1, got "
                    + resyncPeriod + " and " + workersPerController);
        }
    }

    public EngineOptions withResyncPeriod(Duration value) {
        return new EngineOptions(value, backoff, workersPerController, metrics, tracing);
    }

    public EngineOptions withBackoff(Backoff value) {
        return new EngineOptions(resyncPeriod, value, workersPerController, metrics, tracing);
    }

    public EngineOptions withWorkersPerController(int value) {
        return new EngineOptions(resyncPeriod, backoff, value, metrics, tracing);
    }

    public EngineOptions withMetrics(EngineMetrics value) {
        return new EngineOptions(resyncPeriod, backoff, workersPerController, value, tracing);
    }

    public EngineOptions withTracing(ReconcileTracing value) {
        return new EngineOptions(resyncPeriod, backoff, workersPerController, metrics, value);
    }
}

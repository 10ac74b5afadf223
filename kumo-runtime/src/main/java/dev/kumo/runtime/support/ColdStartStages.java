package dev.kumo.runtime.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a cold start's time goes: each stage of a request at zero (held, decided, starting, exec, accepted, ready,
 * released, connected, response) logged at DEBUG under the logger {@value #LOGGER} with the monotonic clock
 * ({@link System#nanoTime}, CLOCK_MONOTONIC on Linux: comparable across processes), so that a benchmark can line the
 * stages up. Off unless that logger is at DEBUG ({@code KUMO_COLDSTART_LOG=DEBUG}); then a check per call. The
 * start-up warm-up's synthetic revisions ({@link WarmupRevisions}) are left out.
 */
public final class ColdStartStages {

    /** The logger's name, apart from the classes' so that it can be turned on alone. */
    public static final String LOGGER = "kumo.coldstart";

    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private ColdStartStages() {
    }

    /** Whether stages are logged: callers that must compute something for a stage check first. */
    public static boolean on() {
        return LOG.isDebugEnabled();
    }

    /** Logs that revision {@code namespace/name} reached {@code stage} now. */
    public static void reached(String namespace, String name, String stage) {
        if (LOG.isDebugEnabled()) {
            reached(namespace, name, stage, System.nanoTime());
        }
    }

    /** Logs that revision {@code namespace/name} reached {@code stage} at {@code nanos} ({@link System#nanoTime}). */
    public static void reached(String namespace, String name, String stage, long nanos) {
        if (LOG.isDebugEnabled() && !WarmupRevisions.warmup(namespace)) {
            LOG.debug("cold-start {}/{} {} {}", namespace, name, stage, nanos);
        }
    }
}

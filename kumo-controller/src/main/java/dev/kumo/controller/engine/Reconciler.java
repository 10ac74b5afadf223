package dev.kumo.controller.engine;

/**
 * Level-based reconcile of one key: read the world, converge it, return. Throw for a failure worth retrying
 * (retried with per-key exponential backoff), {@link TerminalException} for one that retrying cannot fix.
 */
@FunctionalInterface
public interface Reconciler {

    Result reconcile(NamespacedName key);
}

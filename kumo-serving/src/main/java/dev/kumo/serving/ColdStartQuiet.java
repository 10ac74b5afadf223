package dev.kumo.serving;

import dev.kumo.controller.engine.NamespacedName;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When the Revision reconciler follows an instance change of a Revision waking from zero: not while its cold start
 * is on the request's path. The reconciles its instance's Starting and Ready ask for (status writes, then the
 * Configuration, Route and Service reconcilers they wake, and the JIT compiling them) are CPU the workload's exec and
 * the first proxied request need on a small machine, while neither the start nor the router's endpoints wait for
 * them ({@code RuntimeInstances.scaleNow}, {@link RuntimeEndpoints}). So those follow-ups are held from the start
 * from zero until {@link #AFTER_READY} after an instance is ready, at most {@link #MAX_HOLD}, then made once; the
 * scale decision's own reconcile is held too, once the direct start started an instance (made at once when it
 * failed or started nothing: the reconciler then starts the instance or says why). The decisions take the time as an
 * argument.
 */
final class ColdStartQuiet {

    /** After the first instance is ready: time for the held request to be proxied and answered. */
    static final Duration AFTER_READY = Duration.ofMillis(50);
    /** The longest a follow-up waits, however slow the start (the status then shows it starting). */
    static final Duration MAX_HOLD = Duration.ofMillis(500);

    /** One Revision's cold start: when it began and, once an instance was ready, when follow-ups resume. */
    private record Hold(Instant until) {
    }

    private final Map<NamespacedName, Hold> holds = new HashMap<>();

    /**
     * {@code revision} starts from zero at {@code now}: its follow-ups wait (a start already held keeps its hold; an
     * expired hold no follow-up came to remove, say of a start that produced no instance event, is replaced).
     */
    synchronized void coldStart(NamespacedName revision, Instant now) {
        Hold hold = holds.get(revision);
        if (hold == null || !now.isBefore(hold.until())) {
            holds.put(revision, new Hold(now.plus(MAX_HOLD)));
        }
    }

    /** An instance of {@code revision} is ready at {@code now}: its follow-ups resume a moment after. */
    synchronized void ready(NamespacedName revision, Instant now) {
        Hold hold = holds.get(revision);
        Instant resume = now.plus(AFTER_READY);
        if (hold != null && resume.isBefore(hold.until())) {
            holds.put(revision, new Hold(resume));
        }
    }

    /** When a follow-up of {@code revision} asked for at {@code now} is to be made; empty: now. */
    synchronized Optional<Instant> heldUntil(NamespacedName revision, Instant now) {
        Hold hold = holds.get(revision);
        if (hold == null) {
            return Optional.empty();
        }
        if (!now.isBefore(hold.until())) {
            holds.remove(revision);
            return Optional.empty();
        }
        return Optional.of(hold.until());
    }
}

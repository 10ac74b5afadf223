package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.dataplane.api.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One gate per revision, kept across route table updates so that in-flight counts and queues survive them; a gate
 * is replaced only if its revision's concurrency settings change (Revisions are immutable, so that is rare).
 */
final class Gates {

    private record Entry(RevisionSettings settings, Gate gate) {
    }

    private final Map<RevisionId, Entry> gates = new ConcurrentHashMap<>();
    private final Endpoints endpoints;
    private final LongSupplier nanoClock;
    private final long ejectionNanos;

    Gates(Endpoints endpoints, LongSupplier nanoClock, long ejectionNanos) {
        this.endpoints = endpoints;
        this.nanoClock = nanoClock;
        this.ejectionNanos = ejectionNanos;
    }

    Gate gateFor(RevisionId revision, RevisionSettings settings) {
        return gates.compute(revision, (id, entry) -> entry != null
                && entry.settings().containerConcurrency() == settings.containerConcurrency()
                ? entry : new Entry(settings, create(id, settings))).gate();
    }

    /** Forgets the gates of revisions no longer routed to; requests in flight keep theirs. */
    void retainOnly(Set<RevisionId> routed) {
        gates.keySet().retainAll(routed);
    }

    private Gate create(RevisionId revision, RevisionSettings settings) {
        GateSettings gateSettings = new GateSettings(revision, new InstanceSet(revision, endpoints), nanoClock,
                ejectionNanos);
        return settings.containerConcurrency() == 0 ? new UnlimitedGate(gateSettings)
                : new LimitedGate(gateSettings, settings.containerConcurrency(), settings.maxQueued());
    }
}

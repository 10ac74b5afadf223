package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.dataplane.api.InstanceAddress;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One gate per revision, kept across route table updates so that in-flight counts, queues and held requests
 * survive them; a gate is replaced only if its revision's concurrency settings change (Revisions are immutable, so
 * that is rare), keeping the revision's activator state and statistics.
 */
final class Gates {

    /** A routed revision's gate and what outlives a gate replacement. */
    record Entry(RevisionSettings settings, Gate gate, Activation activation, RevisionStats stats,
            InstanceSet instances) {
    }

    private final Map<RevisionId, Entry> entries = new ConcurrentHashMap<>();
    /** The revisions the autoscaler put the activator in the path of, routed or not yet. */
    private final Set<RevisionId> activatorInPath = ConcurrentHashMap.newKeySet();
    private final Endpoints endpoints;
    private final LongSupplier nanoClock;
    private final RouterConfig config;
    private final MeterRegistry registry;
    private final RouterListeners listeners;

    Gates(Endpoints endpoints, LongSupplier nanoClock, RouterConfig config, MeterRegistry registry,
            RouterListeners listeners) {
        this.endpoints = endpoints;
        this.nanoClock = nanoClock;
        this.config = config;
        this.registry = registry;
        this.listeners = listeners;
    }

    Entry entryFor(RevisionId revision, RevisionSettings settings) {
        return entries.compute(revision, (id, entry) -> {
            if (entry == null) {
                Activation activation = new Activation(id, config.maxHeldPerRevision(), listeners::demand);
                activation.inPath(activatorInPath.contains(id));
                RevisionLoad load = new RevisionLoad(config.eventLoops(), nanoClock.getAsLong());
                RevisionStats stats = new RevisionStats(id, load,
                        new RevisionMeters(registry, id, load::inFlight, activation::held), listeners);
                InstanceSet instances = new InstanceSet(id, endpoints, new InstanceMeters(registry, id));
                return new Entry(settings, create(id, settings, activation, instances), activation, stats, instances);
            }
            if (entry.settings().containerConcurrency() != settings.containerConcurrency()) {
                return new Entry(settings, create(id, settings, entry.activation(), entry.instances()),
                        entry.activation(), entry.stats(), entry.instances());
            }
            return entry;
        });
    }

    /**
     * Records whether the activator is in the path of {@code revision}, also for a revision not routed yet: the set
     * changes first, then the entry under its lock, so an entry created meanwhile reads the new value.
     */
    synchronized void activatorInPath(RevisionId revision, boolean inPath) {
        if (inPath) {
            activatorInPath.add(revision);
        } else {
            activatorInPath.remove(revision);
        }
        entries.computeIfPresent(revision, (id, entry) -> {
            entry.activation().inPath(inPath);
            return entry;
        });
    }

    /** The gate of {@code revision}, if it is routed. */
    Gate gate(RevisionId revision) {
        Entry entry = entries.get(revision);
        return entry == null ? null : entry.gate();
    }

    Collection<Entry> all() {
        return entries.values();
    }

    /** Forgets the gates of revisions no longer routed to, and their meters; requests in flight keep theirs. */
    void retainOnly(Set<RevisionId> routed) {
        entries.entrySet().removeIf(e -> {
            if (routed.contains(e.getKey())) {
                return false;
            }
            e.getValue().stats().meters().close();
            e.getValue().instances().closeMeters();
            return true;
        });
    }

    /** Requests in flight to one instance of {@code revision} (0 when the revision is not routed). */
    int inFlight(RevisionId revision, InstanceAddress address) {
        Entry entry = entries.get(revision);
        return entry == null ? 0 : entry.instances().inFlight(address);
    }

    private Gate create(RevisionId revision, RevisionSettings settings, Activation activation,
            InstanceSet instances) {
        GateSettings gateSettings = new GateSettings(revision, instances, activation,
                nanoClock, config.ejectionTime().toNanos());
        return settings.containerConcurrency() == 0 ? new UnlimitedGate(gateSettings)
                : new LimitedGate(gateSettings, settings.containerConcurrency(), settings.maxQueuedPerInstance());
    }
}

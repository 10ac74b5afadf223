package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionOwners;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.spi.InstanceAddress;
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
    record Entry(RevisionSettings settings, Gate gate, GateContext context, RevisionStats stats) {

        RevisionId revision() {
            return context.revision();
        }

        ActivatorState activator() {
            return context.activator();
        }

        InstanceSet instances() {
            return context.instances();
        }
    }

    private final Map<RevisionId, Entry> entries = new ConcurrentHashMap<>();
    private final Endpoints endpoints;
    private final LongSupplier nanoClock;
    private final RouterConfig config;
    private final MeterRegistry registry;
    private final ScalingSignals signals;
    private final RevisionOwners owners;

    Gates(Endpoints endpoints, LongSupplier nanoClock, RouterConfig config, MeterRegistry registry,
            ScalingSignals signals, RevisionOwners owners) {
        this.owners = owners;
        this.endpoints = endpoints;
        this.nanoClock = nanoClock;
        this.config = config;
        this.registry = registry;
        this.signals = signals;
    }

    Entry entryFor(RevisionId revision, RevisionSettings settings) {
        return entries.compute(revision, (id, entry) -> {
            if (entry == null) {
                ActivatorState activator = new ActivatorState(id, config.maxHeldPerRevision(), signals::demand,
                        signals.activatorPath(id));
                RevisionLoad load = new RevisionLoad(meterSlots(config), nanoClock.getAsLong());
                RevisionOwners.Owners owner = owners.of(id);
                RevisionStats stats = new RevisionStats(id, load,
                        new RevisionMeters(registry, id, owner, load::inFlight, activator::held), signals);
                InstanceSet instances = new InstanceSet(id, endpoints, new InstanceMeters(registry, id, owner));
                GateContext context = new GateContext(id, instances, activator, nanoClock);
                return new Entry(settings, create(context, settings), context, stats);
            }
            if (entry.settings().containerConcurrency() != settings.containerConcurrency()) {
                return new Entry(settings, create(entry.context(), settings), entry.context(), entry.stats());
            }
            return entry;
        });
    }

    /**
     * One load meter per event loop that counts requests: the Vert.x router's loops (slots 0 to eventLoops − 1), then,
     * with the Netty front, the front's own loops (the next eventLoops slots), as no two threads may share a meter.
     */
    static int meterSlots(RouterConfig config) {
        return config.engine() == RouterEngine.NETTY ? 2 * config.eventLoops() : config.eventLoops();
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

    private Gate create(GateContext context, RevisionSettings revision) {
        GateSettings settings = new GateSettings(revision.containerConcurrency(), revision.maxQueuedPerInstance(),
                config.ejectionTime().toNanos());
        return revision.containerConcurrency() == 0 ? new UnlimitedGate(context, settings)
                : new LimitedGate(context, settings);
    }
}

package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The current instances of one revision, re-read from {@link Endpoints} on every call so that changes apply at
 * once; an instance keeps its state (in-flight count, ejection) while its address stays listed.
 */
final class InstanceSet {

    private record Snapshot(List<InstanceAddress> source, Instance[] instances) {
    }

    private final RevisionId revision;
    private final Endpoints endpoints;
    private volatile Snapshot snapshot = new Snapshot(List.of(), new Instance[0]);
    /** Instances no longer listed, kept while requests they took may still be in flight (for draining). */
    private final Map<InstanceAddress, Instance> retired = new ConcurrentHashMap<>();

    private final InstanceMeters meters;

    InstanceSet(RevisionId revision, Endpoints endpoints, InstanceMeters meters) {
        this.revision = revision;
        this.endpoints = endpoints;
        this.meters = meters;
    }

    Instance[] current() {
        List<InstanceAddress> now = endpoints.ready(revision);
        Snapshot s = snapshot;
        // Performance: Endpoints hands out the same list object until something changes, so this is the usual path.
        return s.source == now ? s.instances : rebuild(now);
    }

    private synchronized Instance[] rebuild(List<InstanceAddress> now) {
        Snapshot s = snapshot;
        if (s.source.equals(now)) {
            snapshot = new Snapshot(now, s.instances);
            return s.instances;
        }
        Map<InstanceAddress, Instance> known = new HashMap<>();
        for (Instance instance : s.instances) {
            known.put(instance.address, instance);
        }
        Instance[] next = new Instance[now.size()];
        for (int i = 0; i < next.length; i++) {
            Instance instance = known.get(now.get(i));
            if (instance == null) {
                instance = new Instance(now.get(i));
                meters.added(instance);
            }
            next[i] = instance;
        }
        for (Instance instance : s.instances) {
            if (!now.contains(instance.address)) {
                retired.put(instance.address, instance);
                meters.removed(instance);
            }
        }
        for (InstanceAddress address : now) {
            retired.remove(address);
        }
        snapshot = new Snapshot(now, next);
        return next;
    }

    /** Removes the meters of every instance (the revision is no longer routed). */
    void closeMeters() {
        meters.close();
    }

    /** Requests in flight to {@code address}, listed or recently unlisted; 0 for an address never seen. */
    int inFlight(InstanceAddress address) {
        for (Instance instance : snapshot.instances) {
            if (instance.address.equals(address)) {
                return instance.inFlight();
            }
        }
        Instance gone = retired.get(address);
        if (gone == null) {
            return 0;
        }
        int inFlight = gone.inFlight();
        if (inFlight == 0) {
            retired.remove(address, gone);
        }
        return inFlight;
    }
}

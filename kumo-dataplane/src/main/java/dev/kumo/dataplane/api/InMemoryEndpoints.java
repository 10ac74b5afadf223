package dev.kumo.dataplane.api;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A thread-safe {@link Endpoints} the controller (or a test) sets revision by revision. */
public final class InMemoryEndpoints implements Endpoints {

    private final Map<RevisionId, List<InstanceAddress>> ready = new ConcurrentHashMap<>();

    /** Replaces the ready instances of {@code revision}; an empty list removes it. */
    public void set(RevisionId revision, List<InstanceAddress> instances) {
        if (instances.isEmpty()) {
            ready.remove(revision);
        } else {
            ready.put(revision, List.copyOf(instances));
        }
    }

    @Override
    public List<InstanceAddress> ready(RevisionId revision) {
        return ready.getOrDefault(revision, List.of());
    }
}

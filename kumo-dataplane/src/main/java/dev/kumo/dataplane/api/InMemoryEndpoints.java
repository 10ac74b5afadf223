package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A thread-safe {@link Endpoints} the controller (or a test) sets revision by revision; it notifies changes. */
public final class InMemoryEndpoints implements Endpoints {

    private final Map<RevisionId, List<InstanceAddress>> ready = new ConcurrentHashMap<>();
    private final List<Consumer<RevisionId>> listeners = new CopyOnWriteArrayList<>();

    /** Replaces the ready instances of {@code revision}; an empty list removes it. Listeners hear of real changes. */
    public void set(RevisionId revision, List<InstanceAddress> instances) {
        List<InstanceAddress> before = instances.isEmpty() ? ready.remove(revision)
                : ready.put(revision, List.copyOf(instances));
        if (!instances.equals(before == null ? List.of() : before)) {
            listeners.forEach(listener -> listener.accept(revision));
        }
    }

    @Override
    public List<InstanceAddress> ready(RevisionId revision) {
        return ready.getOrDefault(revision, List.of());
    }

    @Override
    public Subscription subscribe(Consumer<RevisionId> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}

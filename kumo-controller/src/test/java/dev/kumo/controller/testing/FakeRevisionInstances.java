package dev.kumo.controller.testing;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.controller.revision.RevisionInstances;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Instances that exist only as a state per Revision, told by the test: a Revision starts out {@code Starting} once
 * ensured and becomes ready or fails when the test says so; every change is reported like a real runtime would.
 */
public final class FakeRevisionInstances implements RevisionInstances {

    private final Map<NamespacedName, InstanceState> states = new ConcurrentHashMap<>();
    private final Set<NamespacedName> removed = ConcurrentHashMap.newKeySet();
    private volatile Consumer<NamespacedName> listener = key -> { };

    @Override
    public InstanceState ensure(Revision revision) {
        NamespacedName key = new NamespacedName(revision.metadata().namespace(), revision.metadata().name());
        removed.remove(key);
        return states.computeIfAbsent(key, k -> new InstanceState.Starting());
    }

    @Override
    public void remove(NamespacedName revision) {
        if (states.remove(revision) != null) {
            removed.add(revision);
        }
    }

    @Override
    public void onChange(Consumer<NamespacedName> value) {
        listener = value;
    }

    /** The Revision's instances are ready, {@code replicas} of them. */
    public void ready(String namespace, String name, int replicas) {
        set(new NamespacedName(namespace, name), new InstanceState.Ready(replicas));
    }

    /** The Revision's container exited with {@code exitCode} after logging {@code lines}. */
    public void exit(String namespace, String name, int exitCode, String... lines) {
        set(new NamespacedName(namespace, name), new InstanceState.Exited(exitCode, List.of(lines)));
    }

    /** Sets a state directly (before the Revision is reconciled, for table tests). */
    public void set(NamespacedName key, InstanceState state) {
        states.put(key, state);
        listener.accept(key);
    }

    public boolean running(String namespace, String name) {
        return states.containsKey(new NamespacedName(namespace, name));
    }

    public boolean removed(String namespace, String name) {
        return removed.contains(new NamespacedName(namespace, name));
    }
}

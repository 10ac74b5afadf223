package dev.kumo.controller.testing;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceReport;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.controller.revision.Replicas;
import dev.kumo.controller.revision.RevisionInstances;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Instances that exist only as a report per Revision, told by the test: a Revision starts out with one instance
 * {@code Starting} (since the clock's now) once ensured, and becomes ready or fails when the test says so; every
 * change is reported like a real runtime would.
 */
public final class FakeRevisionInstances implements RevisionInstances {

    private final InstantSource clock;
    private final Map<NamespacedName, InstanceReport> reports = new ConcurrentHashMap<>();
    private final Set<NamespacedName> removed = ConcurrentHashMap.newKeySet();
    private final Map<NamespacedName, Revision> ensured = new ConcurrentHashMap<>();
    private volatile Consumer<NamespacedName> listener = key -> { };

    public FakeRevisionInstances(InstantSource clock) {
        this.clock = clock;
    }

    /** Instances whose start times come from the system clock. */
    public FakeRevisionInstances() {
        this(InstantSource.system());
    }

    @Override
    public InstanceReport ensure(Revision revision) {
        NamespacedName key = new NamespacedName(revision.metadata().namespace(), revision.metadata().name());
        removed.remove(key);
        ensured.put(key, revision);
        return reports.computeIfAbsent(key, k -> report(InstanceState.Starting.at(clock.instant())));
    }

    @Override
    public void remove(NamespacedName revision) {
        if (reports.remove(revision) != null) {
            removed.add(revision);
        }
    }

    @Override
    public void onChange(Consumer<NamespacedName> value) {
        listener = value;
    }

    /** The Revision as last given to {@link #ensure}: what its instances run. */
    public java.util.Optional<Revision> ensured(String namespace, String name) {
        return java.util.Optional.ofNullable(ensured.get(new NamespacedName(namespace, name)));
    }

    /** The Revision's instances are ready, {@code replicas} of them. */
    public void ready(String namespace, String name, int replicas) {
        set(new NamespacedName(namespace, name), new InstanceReport(new Replicas(1, replicas, replicas),
                new InstanceState.Ready()));
    }

    /** The Revision's container exited with {@code exitCode} after logging {@code lines}. */
    public void exit(String namespace, String name, int exitCode, String... lines) {
        set(new NamespacedName(namespace, name), report(new InstanceState.Exited(exitCode, List.of(lines))));
    }

    /** Sets a report directly (before the Revision is reconciled, for table tests). */
    public void set(NamespacedName key, InstanceReport report) {
        reports.put(key, report);
        listener.accept(key);
    }

    /** The report a single wanted instance gives in {@code state}: one instance, ready only when the state is. */
    public static InstanceReport report(InstanceState state) {
        return switch (state) {
            case InstanceState.Ready ready -> new InstanceReport(new Replicas(1, 1, 1), state);
            case InstanceState.Failed failed -> new InstanceReport(Replicas.ONE_WANTED, state);
            default -> new InstanceReport(new Replicas(1, 0, 1), state);
        };
    }

    public boolean running(String namespace, String name) {
        return reports.containsKey(new NamespacedName(namespace, name));
    }

    public boolean removed(String namespace, String name) {
        return removed.contains(new NamespacedName(namespace, name));
    }
}

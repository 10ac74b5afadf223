package dev.kumo.serving;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A runtime that runs nothing: started instances stay Starting until stopped; it tells its listeners both. */
final class FakeRuntime implements WorkloadRuntime {

    private final String name;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<WorkloadSpec> started = new CopyOnWriteArrayList<>();
    private final List<Refresh> refreshed = new CopyOnWriteArrayList<>();
    private final List<String> prepared = new CopyOnWriteArrayList<>();

    /** One {@link #refreshFiles} call. */
    record Refresh(RevisionRef revision, String volume, VolumeSpec.Files files) {
    }

    FakeRuntime(String name) {
        this.name = name;
    }

    /** Every spec started, in order. */
    List<WorkloadSpec> started() {
        return List.copyOf(started);
    }

    /** Every prepare hint: the revision and the count, in order. */
    List<String> prepared() {
        return List.copyOf(prepared);
    }

    @Override
    public void prepare(WorkloadSpec spec, int count) {
        prepared.add(spec.revision().revision() + " x" + count);
    }

    /** Every refreshFiles call, in order. */
    List<Refresh> refreshed() {
        return List.copyOf(refreshed);
    }

    @Override
    public void refreshFiles(RevisionRef revision, String volume, VolumeSpec.Files files) {
        refreshed.add(new Refresh(revision, volume, files));
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return Optional.empty();
    }

    @Override
    public Instance start(WorkloadSpec spec) {
        Instance instance = new Instance(name + "-" + ids.incrementAndGet(), spec.revision(),
                new InstanceState.Starting(Instant.EPOCH, Optional.empty()), 0);
        started.add(spec);
        instances.put(instance.id(), instance);
        listeners.forEach(listener -> listener.changed(instance));
        return instance;
    }

    @Override
    public CompletableFuture<Instance> stop(String instanceId) {
        Instance stopped = instances.remove(instanceId);
        if (stopped != null) {
            listeners.forEach(listener -> listener.changed(stopped));
        }
        return CompletableFuture.completedFuture(stopped);
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return Optional.ofNullable(instances.get(instanceId));
    }

    @Override
    public List<Instance> instances() {
        return List.copyOf(instances.values());
    }

    @Override
    public Subscription watch(InstanceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<InstanceLogs> logs(String instanceId) {
        return Optional.empty();
    }

    @Override
    public void close() {
        List.copyOf(instances.keySet()).forEach(this::stop);
    }
}

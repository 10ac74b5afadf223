package dev.kumo.serving;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.VolumeSpec;
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
final class FakeRuntime extends ListenedRuntime {

    private final String name;
    private final Map<String, Instance> instances = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<Refresh> refreshed = new CopyOnWriteArrayList<>();
    private final List<String> prepared = new CopyOnWriteArrayList<>();

    /** One {@link #refreshFiles} call. */
    record Refresh(RevisionRef revision, String volume, VolumeSpec.Files files) {
    }

    FakeRuntime(String name) {
        this.name = name;
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
        recordStart(spec);
        instances.put(instance.id(), instance);
        tell(instance);
        return instance;
    }

    /** The instance's run ended, as {@code termination} says: it is Failed, and the listeners are told. */
    void fail(String instanceId, Termination termination) {
        Instance failed = new Instance(instanceId, instances.get(instanceId).revision(),
                new InstanceState.Failed(termination), 0);
        instances.put(instanceId, failed);
        tell(failed);
    }

    @Override
    public CompletableFuture<Instance> stop(String instanceId) {
        Instance stopped = instances.remove(instanceId);
        if (stopped != null) {
            tell(stopped);
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
}

package dev.kumo.serving;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.ResourceSample;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.VolumeSpec;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Every runtime that runs here, seen as one, so endpoints, drain, logs and meters follow instances of all of them.
 * Instance ids are unique only per runtime, so an id says its owner: the process runtime's ids are kept as they are
 * (pod-name style, never with a '/'), another runtime's are prefixed by its name ({@code container/ID}). A runtime
 * that is on but could not start is {@linkplain #unavailable(RuntimeName) unavailable}, with the reason.
 */
final class Runtimes implements WorkloadRuntime {

    private static final char SEPARATOR = '/';

    private final Map<RuntimeName, WorkloadRuntime> running;
    private final Map<RuntimeName, String> unavailable;
    private final RuntimeName defaultRuntime;

    Runtimes(Map<RuntimeName, WorkloadRuntime> running, Map<RuntimeName, String> unavailable,
            RuntimeName defaultRuntime) {
        this.running = new EnumMap<>(running);
        this.unavailable = unavailable.isEmpty() ? Map.of() : new EnumMap<>(unavailable);
        this.defaultRuntime = defaultRuntime;
    }

    /** The runtimes given, all running; the default is the process runtime if among them, else the first. */
    static Runtimes of(Map<RuntimeName, WorkloadRuntime> running) {
        RuntimeName fallback = running.containsKey(RuntimeName.PROCESS) || running.isEmpty() ? RuntimeName.PROCESS
                : new EnumMap<>(running).keySet().iterator().next();
        return new Runtimes(running, Map.of(), fallback);
    }

    /** The runtime named {@code name}, if it runs. */
    Optional<WorkloadRuntime> get(RuntimeName name) {
        return Optional.ofNullable(running.get(name));
    }

    /** Why the runtime named {@code name} is on but does not run (it failed to start), if so. */
    Optional<String> unavailable(RuntimeName name) {
        return Optional.ofNullable(unavailable.get(name));
    }

    /** Starts an instance in the runtime named {@code name}; its id is qualified by that name. */
    Instance start(RuntimeName name, WorkloadSpec spec) {
        WorkloadRuntime runtime = get(name).orElseThrow(() -> new IllegalStateException("starting an instance of "
                + spec.revision() + ": the " + name + " runtime is not running"));
        return qualified(name, runtime.start(spec));
    }

    /** Passes the warm-pool hint to the runtime named {@code name}, if it runs. */
    void prepare(RuntimeName name, WorkloadSpec spec, int count) {
        get(name).ifPresent(runtime -> runtime.prepare(spec, count));
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return runtime(defaultRuntime).unsupported(spec);
    }

    @Override
    public Optional<String> limitsInForce(WorkloadLimits limits) {
        return runtime(defaultRuntime).limitsInForce(limits);
    }

    /** Starts an instance in the default runtime. */
    @Override
    public Instance start(WorkloadSpec spec) {
        return start(defaultRuntime, spec);
    }

    @Override
    public CompletableFuture<Instance> stop(String instanceId) {
        Owned owned = owner(instanceId);
        return get(owned.runtime()).map(runtime -> runtime.stop(owned.id())
                        .thenApply(instance -> instance == null ? null : qualified(owned.runtime(), instance)))
                .orElseGet(() -> CompletableFuture.failedFuture(new IllegalArgumentException("no runtime runs "
                        + "instance " + instanceId)));
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        Owned owned = owner(instanceId);
        return get(owned.runtime()).flatMap(runtime -> runtime.instance(owned.id()))
                .map(instance -> qualified(owned.runtime(), instance));
    }

    @Override
    public List<Instance> instances() {
        List<Instance> all = new ArrayList<>();
        running.forEach((name, runtime) -> runtime.instances().forEach(i -> all.add(qualified(name, i))));
        return all;
    }

    @Override
    public Subscription watch(InstanceListener listener) {
        List<Subscription> subscriptions = new ArrayList<>();
        running.forEach((name, runtime) -> subscriptions.add(runtime.watch(
                instance -> listener.changed(qualified(name, instance)))));
        return () -> subscriptions.forEach(Subscription::close);
    }

    @Override
    public Optional<InstanceLogs> logs(String instanceId) {
        Owned owned = owner(instanceId);
        return get(owned.runtime()).flatMap(runtime -> runtime.logs(owned.id()));
    }

    @Override
    public Optional<ResourceSample> resources(String instanceId) {
        Owned owned = owner(instanceId);
        return get(owned.runtime()).flatMap(runtime -> runtime.resources(owned.id()));
    }

    /** Every runtime's, their instance ids qualified as {@link #instances} qualifies them, oldest stop first. */
    @Override
    public List<StoppedLog> stoppedLogs() {
        List<StoppedLog> all = new ArrayList<>();
        running.forEach((name, runtime) -> runtime.stoppedLogs().forEach(log -> all.add(new StoppedLog(
                log.revision(), name == RuntimeName.PROCESS ? log.instanceId()
                        : name.value() + SEPARATOR + log.instanceId(), log.stoppedAt(), log.logs()))));
        all.sort(Comparator.comparing(StoppedLog::stoppedAt));
        return all;
    }

    /** Passes the hint to every runtime: only the one running the Revision has instances to refresh. */
    @Override
    public void refreshFiles(RevisionRef revision, String volume, VolumeSpec.Files files) {
        running.values().forEach(runtime -> runtime.refreshFiles(revision, volume, files));
    }

    /** Closes every runtime (the platform closes them one by one, in its stop order, instead). */
    @Override
    public void close() {
        running.values().forEach(WorkloadRuntime::close);
    }

    private WorkloadRuntime runtime(RuntimeName name) {
        return get(name).orElseThrow(() -> new IllegalStateException("the " + name + " runtime is not running"));
    }

    private static Instance qualified(RuntimeName name, Instance instance) {
        return name == RuntimeName.PROCESS ? instance : instance.withId(name.value() + SEPARATOR + instance.id());
    }

    private static Owned owner(String instanceId) {
        int at = instanceId.indexOf(SEPARATOR);
        if (at < 0) {
            return new Owned(RuntimeName.PROCESS, instanceId);
        }
        return RuntimeName.parse(instanceId.substring(0, at))
                .map(name -> new Owned(name, instanceId.substring(at + 1)))
                .orElse(new Owned(RuntimeName.PROCESS, instanceId));
    }

    /** A runtime's own id of an instance and the runtime. */
    private record Owned(RuntimeName runtime, String id) {
    }
}

package dev.kumo.serving.pods;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The runtimes whose instances the Pod view shows: Serving's, and others added once they start (eventing's
 * ContainerSource runtime), whose instance ids are qualified {@code NAME/ID} so they never meet Serving's. Only
 * shows: it starts nothing.
 */
public final class ShownRuntimes implements WorkloadRuntime {

    private static final char SEPARATOR = '/';

    private final WorkloadRuntime serving;
    private final Map<String, WorkloadRuntime> added = new ConcurrentHashMap<>();
    /** Each watcher's subscriptions: to Serving's runtimes and to each added one. */
    private final Map<InstanceListener, List<Subscription>> watchers = new ConcurrentHashMap<>();

    ShownRuntimes(WorkloadRuntime serving) {
        this.serving = serving;
    }

    /** Shows {@code runtime}'s instances too, their ids qualified {@code name/ID}; its present ones are told now. */
    synchronized void add(String name, WorkloadRuntime runtime) {
        added.put(name, runtime);
        watchers.forEach((listener, subscriptions) -> {
            subscriptions.add(watch(name, runtime, listener));
            runtime.instances().forEach(instance -> listener.changed(instance.withId(name + SEPARATOR
                    + instance.id())));
        });
    }

    /** Whether {@code instanceId} is of an added runtime. */
    boolean isAdded(String instanceId) {
        return owner(instanceId).isPresent();
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return Optional.of("the Pod view shows instances and starts none");
    }

    @Override
    public Instance start(WorkloadSpec spec) {
        throw new UnsupportedOperationException("the Pod view shows instances and starts none");
    }

    @Override
    public CompletableFuture<Instance> stop(String instanceId) {
        Optional<Owned> owned = owner(instanceId);
        return owned.isPresent() ? owned.get().runtime().stop(owned.get().id())
                .thenApply(instance -> instance.withId(instanceId)) : serving.stop(instanceId);
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        Optional<Owned> owned = owner(instanceId);
        return owned.isPresent() ? owned.get().runtime().instance(owned.get().id())
                .map(instance -> instance.withId(instanceId)) : serving.instance(instanceId);
    }

    @Override
    public List<Instance> instances() {
        List<Instance> all = new ArrayList<>(serving.instances());
        added.forEach((name, runtime) -> runtime.instances()
                .forEach(instance -> all.add(instance.withId(name + SEPARATOR + instance.id()))));
        return all;
    }

    @Override
    public synchronized Subscription watch(InstanceListener listener) {
        List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
        subscriptions.add(serving.watch(listener));
        added.forEach((name, runtime) -> subscriptions.add(watch(name, runtime, listener)));
        watchers.put(listener, subscriptions);
        return () -> {
            watchers.remove(listener);
            subscriptions.forEach(Subscription::close);
        };
    }

    private static Subscription watch(String name, WorkloadRuntime runtime, InstanceListener listener) {
        return runtime.watch(instance -> listener.changed(instance.withId(name + SEPARATOR + instance.id())));
    }

    @Override
    public Optional<InstanceLogs> logs(String instanceId) {
        Optional<Owned> owned = owner(instanceId);
        return owned.isPresent() ? owned.get().runtime().logs(owned.get().id()) : serving.logs(instanceId);
    }

    @Override
    public void close() {
        watchers.values().forEach(subscriptions -> subscriptions.forEach(Subscription::close));
        watchers.clear();
    }

    private record Owned(WorkloadRuntime runtime, String id) {
    }

    private Optional<Owned> owner(String instanceId) {
        int separator = instanceId.indexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        WorkloadRuntime runtime = added.get(instanceId.substring(0, separator));
        return runtime == null ? Optional.empty() : Optional.of(new Owned(runtime,
                instanceId.substring(separator + 1)));
    }
}

package dev.kumo.serving;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test runtimes share: the specs started, listeners told of every change, no logs, close stops all. */
abstract class ListenedRuntime implements WorkloadRuntime {

    private final List<InstanceListener> listeners = new CopyOnWriteArrayList<>();
    private final List<WorkloadSpec> started = new CopyOnWriteArrayList<>();

    /** Every spec started, in order. */
    final List<WorkloadSpec> started() {
        return List.copyOf(started);
    }

    /** Records that {@code spec} was started. */
    final void recordStart(WorkloadSpec spec) {
        started.add(spec);
    }

    /** Tells every listener that {@code instance} changed. */
    final void tell(Instance instance) {
        listeners.forEach(listener -> listener.changed(instance));
    }

    @Override
    public final Subscription watch(InstanceListener listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public Optional<InstanceLogs> logs(String instanceId) {
        return Optional.empty();
    }

    @Override
    public final void close() {
        instances().forEach(instance -> stop(instance.id()));
    }
}

package dev.kumo.serving;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.UnsupportedWorkloadException;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A temporary bridge (podman branch) until serving is multi-runtime: several runtimes seen as one by the parts that
 * take a single runtime (endpoints, drain, logs, cold-start meters); each instance belongs to the runtime that
 * knows its id. The runtimes are closed by whoever started them.
 */
final class JoinedRuntimes implements WorkloadRuntime {

    private final List<WorkloadRuntime> runtimes;

    JoinedRuntimes(List<WorkloadRuntime> runtimes) {
        this.runtimes = List.copyOf(runtimes);
    }

    @Override
    public Optional<String> unsupported(WorkloadSpec spec) {
        return runtimes.stream().anyMatch(r -> r.unsupported(spec).isEmpty()) ? Optional.empty()
                : runtimes.getFirst().unsupported(spec);
    }

    @Override
    public Instance start(WorkloadSpec spec) {
        return runtimes.stream().filter(r -> r.unsupported(spec).isEmpty()).findFirst()
                .orElseThrow(() -> new UnsupportedWorkloadException(unsupported(spec).orElse("unsupported")))
                .start(spec);
    }

    @Override
    public CompletableFuture<Instance> stop(String instanceId) {
        return owner(instanceId).map(r -> r.stop(instanceId))
                .orElseGet(() -> CompletableFuture.failedFuture(new NoSuchElementException("no instance "
                        + instanceId)));
    }

    @Override
    public Optional<Instance> instance(String instanceId) {
        return runtimes.stream().flatMap(r -> r.instance(instanceId).stream()).findFirst();
    }

    @Override
    public List<Instance> instances() {
        return runtimes.stream().flatMap(r -> r.instances().stream()).toList();
    }

    @Override
    public Subscription watch(InstanceListener listener) {
        List<Subscription> subscriptions = runtimes.stream().map(r -> r.watch(listener)).toList();
        return () -> subscriptions.forEach(Subscription::close);
    }

    @Override
    public Optional<InstanceLogs> logs(String instanceId) {
        return runtimes.stream().flatMap(r -> r.logs(instanceId).stream()).findFirst();
    }

    @Override
    public void close() {
        // The runtimes are components of the platform, closed on their own.
    }

    private Optional<WorkloadRuntime> owner(String instanceId) {
        return runtimes.stream().filter(r -> r.instance(instanceId).isPresent()).findFirst();
    }
}

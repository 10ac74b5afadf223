package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceListener;
import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.StoppedLog;
import dev.kumo.runtime.spi.Subscription;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A runtime whose instances live in an {@link InstanceTable}: the SPI's stop, lookups, watch and logs answered from
 * it; the runtime adds its instances there as it starts them and publishes their changes through it.
 */
public abstract class TabledRuntime implements WorkloadRuntime {

    protected final InstanceTable table;

    /** A runtime reading the time from {@code clock} whose instances' logs are kept as {@code retention} says. */
    protected TabledRuntime(InstantSource clock, LogRetention retention) {
        this.table = new InstanceTable(clock, retention);
    }

    @Override
    public final CompletableFuture<Instance> stop(String instanceId) {
        return table.stop(instanceId);
    }

    @Override
    public final Optional<Instance> instance(String instanceId) {
        return table.instance(instanceId);
    }

    @Override
    public final List<Instance> instances() {
        return table.instances();
    }

    @Override
    public final Subscription watch(InstanceListener listener) {
        return table.watch(listener);
    }

    @Override
    public final Optional<InstanceLogs> logs(String instanceId) {
        return table.logs(instanceId);
    }

    @Override
    public final List<StoppedLog> stoppedLogs() {
        return table.stoppedLogs();
    }
}

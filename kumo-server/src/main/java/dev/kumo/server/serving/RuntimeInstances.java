package dev.kumo.server.serving;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.controller.revision.RevisionInstances;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The Revision reconciler's instances, run by a {@link WorkloadRuntime}: one instance per Revision for now (the
 * autoscaler will decide counts), started on first reconcile and stopped when the Revision goes.
 */
public final class RuntimeInstances implements RevisionInstances {

    private final WorkloadRuntime runtime;
    private final WorkloadSpecs specs;

    RuntimeInstances(WorkloadRuntime runtime, WorkloadSpecs specs) {
        this.runtime = runtime;
        this.specs = specs;
    }

    @Override
    public synchronized InstanceState ensure(Revision revision) {
        NamespacedName key = new NamespacedName(revision.metadata().namespace(), revision.metadata().name());
        List<Instance> running = instancesOf(key);
        if (running.isEmpty()) {
            WorkloadSpec spec;
            try {
                spec = specs.of(revision);
            } catch (EnvResolver.UnresolvableEnvException e) {
                return new InstanceState.Failed("ConfigurationMissing", e.getMessage());
            }
            Optional<String> unsupported = runtime.unsupported(spec);
            if (unsupported.isPresent()) {
                return InstanceState.Failed.permanent("RuntimeUnsupported", unsupported.get());
            }
            running = List.of(runtime.start(spec));
        }
        return summary(running);
    }

    @Override
    public synchronized void remove(NamespacedName revision) {
        instancesOf(revision).forEach(instance -> runtime.stop(instance.id()));
    }

    @Override
    public void onChange(Consumer<NamespacedName> listener) {
        runtime.watch(instance -> listener.accept(
                new NamespacedName(instance.revision().namespace(), instance.revision().revision())));
    }

    private List<Instance> instancesOf(NamespacedName revision) {
        return runtime.instances().stream()
                .filter(i -> i.revision().namespace().equals(revision.namespace())
                        && i.revision().revision().equals(revision.name()))
                .toList();
    }

    /** Ready if any instance is; else why none is (crash loop, failure), else still starting. */
    static InstanceState summary(List<Instance> instances) {
        long ready = instances.stream().filter(i -> i.state() instanceof dev.kumo.runtime.spi.InstanceState.Ready)
                .count();
        if (ready > 0) {
            return new InstanceState.Ready((int) ready);
        }
        for (Instance instance : instances) {
            switch (instance.state()) {
                case dev.kumo.runtime.spi.InstanceState.CrashLoopBackOff loop -> {
                    return exited(loop.lastTermination());
                }
                case dev.kumo.runtime.spi.InstanceState.Failed failed -> {
                    return failed.termination().exitCode().isPresent() ? exited(failed.termination())
                            : InstanceState.Failed.permanent(failed.termination().reason(),
                                    failed.termination().message());
                }
                default -> { }
            }
        }
        return new InstanceState.Starting();
    }

    private static InstanceState exited(Termination termination) {
        return new InstanceState.Exited(termination.exitCode().orElse(-1), termination.lastLogLines());
    }
}

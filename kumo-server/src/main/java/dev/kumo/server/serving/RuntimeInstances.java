package dev.kumo.server.serving;

import dev.kumo.api.serving.Revision;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.InstanceReport;
import dev.kumo.controller.revision.InstanceState;
import dev.kumo.controller.revision.Replicas;
import dev.kumo.controller.revision.RevisionInstances;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The Revision reconciler's instances, run by a {@link WorkloadRuntime}: one instance per Revision for now (the
 * autoscaler will decide counts), started on first reconcile and stopped when the Revision goes.
 */
public final class RuntimeInstances implements RevisionInstances {

    /** Instances each Revision gets until the autoscaler decides. */
    private static final int DESIRED = 1;
    /** Log lines of a starting instance quoted when it misses its progress deadline. */
    private static final int STARTING_LOG_LINES = 10;

    private final WorkloadRuntime runtime;
    private final WorkloadSpecs specs;

    RuntimeInstances(WorkloadRuntime runtime, WorkloadSpecs specs) {
        this.runtime = runtime;
        this.specs = specs;
    }

    @Override
    public synchronized InstanceReport ensure(Revision revision) {
        NamespacedName key = new NamespacedName(revision.metadata().namespace(), revision.metadata().name());
        List<Instance> running = instancesOf(key);
        if (running.isEmpty()) {
            WorkloadSpec spec;
            try {
                spec = specs.of(revision);
            } catch (EnvResolver.UnresolvableEnvException e) {
                return cannotStart(new InstanceState.Failed("ConfigurationMissing", e.getMessage()));
            }
            Optional<String> unsupported = runtime.unsupported(spec);
            if (unsupported.isPresent()) {
                return cannotStart(InstanceState.Failed.permanent("RuntimeUnsupported", unsupported.get()));
            }
            running = List.of(runtime.start(spec));
        }
        int ready = (int) running.stream().filter(i -> i.address().isPresent()).count();
        return new InstanceReport(new Replicas(DESIRED, ready, running.size()), summary(running));
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

    private static InstanceReport cannotStart(InstanceState.Failed failed) {
        return new InstanceReport(new Replicas(DESIRED, 0, 0), failed);
    }

    /** Ready if any instance is; else why none is (crash loop, failure), else starting since the earliest start. */
    private InstanceState summary(List<Instance> instances) {
        if (instances.stream().anyMatch(i -> i.address().isPresent())) {
            return new InstanceState.Ready();
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
        return instances.stream()
                .flatMap(i -> i.state() instanceof dev.kumo.runtime.spi.InstanceState.Starting s
                        ? Stream.of(starting(i, s)) : Stream.empty())
                .min(Comparator.comparing(InstanceState.Starting::since))
                .orElseThrow(() -> new IllegalStateException("instances neither ready, failed nor starting: "
                        + instances));
    }

    private InstanceState.Starting starting(Instance instance, dev.kumo.runtime.spi.InstanceState.Starting state) {
        List<String> lastLines = runtime.logs(instance.id()).map(log -> log.tail(STARTING_LOG_LINES)).orElse(List.of())
                .stream().map(LogLine::text).toList();
        return new InstanceState.Starting(state.since(), state.lastProbeFailure(), lastLines);
    }

    private static InstanceState exited(Termination termination) {
        return new InstanceState.Exited(termination.exitCode().orElse(-1), termination.lastLogLines());
    }
}

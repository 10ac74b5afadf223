package dev.kumo.server.eventing;

import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.EnvVar;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.source.SourceRunner;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.serving.ContainerSecurity;
import dev.kumo.serving.pods.ContainerSourceInstances;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The ContainerSource reconciler's runner: the template's container runs as one long-lived instance of a
 * {@link WorkloadRuntime} of its own (so the serving controllers never see it), with {@code K_SINK} and
 * {@code K_CE_OVERRIDES} in its env, ready while it runs ({@link Probe.Running}: it serves nothing), under the
 * {@link ContainerSourceInstances} ref so the Pod view shows it as the source's Pod. A changed
 * source or sink replaces the instance; one that keeps exiting is reported, as Knative reports an unavailable
 * Deployment.
 */
final class ContainerSources implements SourceRunner<ContainerSource> {

    /** What an instance was started from; a change of any part starts a new one. */
    private record Running(String uid, String spec, URI sink, String instanceId) {
    }

    private static final ProbeSpec WHILE_RUNNING = new ProbeSpec(new Probe.Running(), Duration.ZERO, Duration.ZERO,
            Duration.ofSeconds(1), 1);

    private final WorkloadRuntime runtime;
    private final Map<NamespacedName, Running> running = new ConcurrentHashMap<>();

    ContainerSources(WorkloadRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public synchronized Optional<String> run(ContainerSource source, URI sink) {
        NamespacedName key = new NamespacedName(source.metadata().namespace(), source.metadata().name());
        List<Container> containers = source.spec().template() == null || source.spec().template().spec() == null
                ? List.of() : source.spec().template().spec().containersOrEmpty();
        if (containers.size() != 1) {
            return Optional.of("spec.template.spec.containers: Kumo runs exactly one container per "
                    + "ContainerSource, got " + containers.size());
        }
        Container container = containers.getFirst();
        Optional<EnvVar> fromReference = container.envOrEmpty().stream().filter(v -> v.valueFrom() != null)
                .findFirst();
        if (fromReference.isPresent()) {
            return Optional.of("spec.template.spec.containers[0].env: " + fromReference.get().name() + " uses "
                    + "valueFrom, which a ContainerSource cannot use in Kumo yet; give the value itself");
        }
        String spec = Json.write(source.spec());
        Running current = running.get(key);
        if (current == null || !current.uid().equals(source.metadata().uid()) || !current.spec().equals(spec)
                || !current.sink().equals(sink) || runtime.instance(current.instanceId()).isEmpty()) {
            WorkloadSpec workload;
            try {
                workload = workload(source, container, sink);
            } catch (IllegalArgumentException badQuantity) {
                return Optional.of(badQuantity.getMessage());
            }
            Optional<String> unsupported = runtime.unsupported(workload);
            if (unsupported.isPresent()) {
                return unsupported.map(why -> "spec.template.spec.containers[0]: " + why);
            }
            remove(key);
            current = new Running(source.metadata().uid(), spec, sink, runtime.start(workload).id());
            running.put(key, current);
        }
        return runtime.instance(current.instanceId()).flatMap(ContainerSources::problem);
    }

    @Override
    public synchronized void remove(NamespacedName source) {
        Running stopped = running.remove(source);
        if (stopped != null) {
            runtime.stop(stopped.instanceId());
        }
    }

    @Override
    public void onChange(Consumer<NamespacedName> listener) {
        runtime.watch(instance -> listener.accept(new NamespacedName(instance.revision().namespace(),
                instance.revision().revision())));
    }

    private static WorkloadSpec workload(ContainerSource source, Container container, URI sink) {
        RevisionRef ref = ContainerSourceInstances.ref(source.metadata().namespace(), source.metadata().name());
        boolean imageOnly = orEmpty(container.command()).isEmpty() && container.image() != null
                && !container.image().isEmpty();
        WorkloadSpec.Builder<?> spec = (imageOnly ? WorkloadSpec.image(ref, container.image())
                : WorkloadSpec.process(ref))
                .command(orEmpty(container.command())).args(orEmpty(container.args())).readiness(WHILE_RUNNING)
                .runAs(ContainerSecurity.runAs(source.spec().template().spec().securityContext(), container))
                .limits(ContainerSecurity.limits(container, "spec.template.spec.containers[0]"));
        container.envOrEmpty().forEach(v -> spec.env(v.name(), v.value() == null ? "" : v.value()));
        spec.env("K_SINK", sink.toString());
        if (source.spec().ceOverrides() != null && source.spec().ceOverrides().extensions() != null
                && !source.spec().ceOverrides().extensions().isEmpty()) {
            spec.env("K_CE_OVERRIDES", Json.write(source.spec().ceOverrides()));
        }
        if (container.workingDir() != null && !container.workingDir().isEmpty()) {
            spec.workingDir(Path.of(container.workingDir()));
        }
        return spec.build();
    }

    /** Why the instance does not run, when it keeps exiting or cannot start. */
    private static Optional<String> problem(Instance instance) {
        return switch (instance.state()) {
            case InstanceState.CrashLoopBackOff loop -> Optional.of(exited(loop.lastTermination()));
            case InstanceState.Failed failed -> Optional.of(exited(failed.termination()));
            default -> Optional.empty();
        };
    }

    private static String exited(Termination termination) {
        String logs = String.join("\n", termination.lastLogLines()).strip();
        return termination.exitCode().isPresent()
                ? "container exited with code " + termination.exitCode().getAsInt()
                        + (logs.isEmpty() ? " and logged nothing" : ": " + logs)
                : termination.reason() + (termination.message().isEmpty() ? "" : ": " + termination.message());
    }

    private static List<String> orEmpty(List<String> list) {
        return list == null ? List.of() : list;
    }
}

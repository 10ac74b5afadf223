package dev.kumo.serving;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.WorkloadSpec;
import dev.kumo.serving.deployments.DeploymentInstances;
import dev.kumo.serving.deployments.DeploymentRuntime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A Deployment's instances in the runtimes: its template is run as a Revision's containers are ({@link RuntimeChoice}
 * picks process for a command-only container, the container runtime for an image; {@link WorkloadSpecs} translates),
 * under the reference {@link DeploymentInstances} gives it.
 */
final class DeploymentRunner implements DeploymentRuntime {

    private final Runtimes runtimes;
    private final RuntimeChoice choice;
    private final WorkloadSpecs specs;
    private final Set<String> stopping = ConcurrentHashMap.newKeySet();
    private final Map<String, Long> startOrder = new ConcurrentHashMap<>();
    private final AtomicLong started = new AtomicLong();

    DeploymentRunner(Runtimes runtimes, RuntimeChoice choice, WorkloadSpecs specs) {
        this.runtimes = runtimes;
        this.choice = choice;
        this.specs = specs;
    }

    @Override
    public List<Instance> instances(String namespace, String deployment) {
        return runtimes.instances().stream()
                .filter(i -> i.revision().namespace().equals(namespace)
                        && DeploymentInstances.deployment(i.revision()).filter(deployment::equals).isPresent()
                        && !stopping.contains(i.id()))
                .sorted(Comparator.comparing(i -> startOrder.getOrDefault(i.id(), 0L)))
                .toList();
    }

    @Override
    public int stopping(String namespace, String deployment) {
        return (int) stopping.stream().flatMap(id -> runtimes.instance(id).stream())
                .filter(i -> i.revision().namespace().equals(namespace)
                        && DeploymentInstances.deployment(i.revision()).filter(deployment::equals).isPresent())
                .count();
    }

    @Override
    public Instance start(Deployment deployment, String hash) {
        String namespace = deployment.metadata().namespace();
        String name = deployment.metadata().name();
        Revision template = asRevision(namespace, name + "-" + hash, deployment.spec().template());
        RuntimeName runtime = switch (choice.of(template)) {
            case RuntimeChoice.Choice.NotOn notOn -> throw new IllegalArgumentException(notOn.reason());
            case RuntimeChoice.Choice.Run run -> run.runtime();
        };
        if (runtimes.get(runtime).isEmpty()) {
            throw new IllegalStateException(runtimes.unavailable(runtime)
                    .orElse("the " + runtime + " runtime is not running in this server"));
        }
        WorkloadSpec spec;
        try {
            spec = specs.of(template, runtime, DeploymentInstances.ref(namespace, name, hash));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        Optional<String> unsupported = runtimes.get(runtime).flatMap(r -> r.unsupported(spec));
        if (unsupported.isPresent()) {
            throw new IllegalArgumentException(unsupported.get());
        }
        Instance instance = runtimes.start(runtime, spec);
        startOrder.put(instance.id(), started.incrementAndGet());
        return instance;
    }

    @Override
    public void stop(Instance instance) {
        if (stopping.add(instance.id())) {
            runtimes.stop(instance.id()).whenComplete((stopped, failed) -> {
                stopping.remove(instance.id());
                startOrder.remove(instance.id());
            });
        }
    }

    @Override
    public void onChange(Consumer<NamespacedName> listener) {
        runtimes.watch(instance -> DeploymentInstances.deployment(instance.revision()).ifPresent(name ->
                listener.accept(new NamespacedName(instance.revision().namespace(), name))));
    }

    /** The template as the Revision its containers would be: its labels and annotations, its pod spec. */
    private static Revision asRevision(String namespace, String name, RevisionTemplateSpec template) {
        ObjectMeta meta = template.metadata() == null ? ObjectMeta.EMPTY : template.metadata();
        return Revision.of(meta.toBuilder().namespace(namespace).name(name).build(), template.spec());
    }
}

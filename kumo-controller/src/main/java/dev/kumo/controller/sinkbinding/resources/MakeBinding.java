package dev.kumo.controller.sinkbinding.resources;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.DeploymentSpec;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Service's (or a Deployment's) template with the binding's env in every container ({@code K_SINK}, and
 * {@code K_CE_OVERRIDES} when the binding has overrides), or without them: Knative's SinkBinding Do and Undo for a
 * Knative Service or an {@code apps/v1} Deployment subject.
 */
public final class MakeBinding {

    public static final String K_SINK = "K_SINK";
    public static final String K_CE_OVERRIDES = "K_CE_OVERRIDES";

    private MakeBinding() {
    }

    /** The Service with {@code env} set (replacing earlier values, other variables kept in order). */
    public static Service bound(Service service, Map<String, String> env) {
        return withContainers(service, container -> {
            List<EnvVar> result = new ArrayList<>(withoutBinding(container.envOrEmpty()));
            env.forEach((name, value) -> result.add(EnvVar.of(name, value)));
            return result;
        });
    }

    /** The Service with the binding's variables removed. */
    public static Service unbound(Service service) {
        return withContainers(service, container -> withoutBinding(container.envOrEmpty()));
    }

    /** The Deployment with {@code env} set in its pod template's containers. */
    public static Deployment bound(Deployment deployment, Map<String, String> env) {
        return withContainers(deployment, container -> {
            List<EnvVar> result = new ArrayList<>(withoutBinding(container.envOrEmpty()));
            env.forEach((name, value) -> result.add(EnvVar.of(name, value)));
            return result;
        });
    }

    /** The Deployment with the binding's variables removed. */
    public static Deployment unbound(Deployment deployment) {
        return withContainers(deployment, container -> withoutBinding(container.envOrEmpty()));
    }

    private static Service withContainers(Service service,
            java.util.function.Function<Container, List<EnvVar>> env) {
        return service.withSpec(service.spec().withTemplate(service.spec().template().withSpec(
                withContainers(service.spec().template().spec(), env))));
    }

    private static Deployment withContainers(Deployment deployment,
            java.util.function.Function<Container, List<EnvVar>> env) {
        DeploymentSpec spec = deployment.spec();
        return deployment.withSpec(new DeploymentSpec(spec.replicas(), spec.selector(), spec.template().withSpec(
                withContainers(spec.template().spec(), env)), spec.strategy(), spec.minReadySeconds(),
                spec.revisionHistoryLimit(), spec.paused(), spec.progressDeadlineSeconds()));
    }

    private static RevisionSpec withContainers(RevisionSpec spec,
            java.util.function.Function<Container, List<EnvVar>> env) {
        List<Container> containers = spec.containersOrEmpty().stream()
                .map(c -> c.toBuilder().env(Optional.of(env.apply(c)).filter(e -> !e.isEmpty()).orElse(null))
                        .build())
                .toList();
        return spec.toBuilder().containers(containers).build();
    }

    private static List<EnvVar> withoutBinding(List<EnvVar> env) {
        return env.stream().filter(v -> !v.name().equals(K_SINK) && !v.name().equals(K_CE_OVERRIDES)).toList();
    }
}

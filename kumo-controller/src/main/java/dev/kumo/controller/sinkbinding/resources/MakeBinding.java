package dev.kumo.controller.sinkbinding.resources;

import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Service's template with the binding's env in every container ({@code K_SINK}, and {@code K_CE_OVERRIDES} when
 * the binding has overrides), or without them: Knative's SinkBinding Do and Undo for a Knative Service subject.
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

    private static Service withContainers(Service service,
            java.util.function.Function<Container, List<EnvVar>> env) {
        RevisionSpec spec = service.spec().template().spec();
        List<Container> containers = spec.containersOrEmpty().stream()
                .map(c -> c.toBuilder().env(Optional.of(env.apply(c)).filter(e -> !e.isEmpty()).orElse(null))
                        .build())
                .toList();
        return service.withSpec(service.spec().withTemplate(service.spec().template().withSpec(
                spec.toBuilder().containers(containers).build())));
    }

    private static List<EnvVar> withoutBinding(List<EnvVar> env) {
        return env.stream().filter(v -> !v.name().equals(K_SINK) && !v.name().equals(K_CE_OVERRIDES)).toList();
    }
}

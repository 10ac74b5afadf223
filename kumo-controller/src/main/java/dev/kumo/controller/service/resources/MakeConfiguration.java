package dev.kumo.controller.service.resources;

import static dev.kumo.controller.client.ServingLabels.ROUTES;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.ConfigurationSpec;
import dev.kumo.api.serving.Service;
import dev.kumo.controller.client.Owners;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Configuration a Service wants: its template, its labels (plus {@code serving.knative.dev/service}) and its
 * annotations (plus the Routes it serves), controlled by the Service.
 */
public final class MakeConfiguration {

    private MakeConfiguration() {
    }

    /** Built for {@code service}; {@code existing} contributes the Routes it already names. */
    public static Configuration from(Service service, Optional<Configuration> existing) {
        Map<String, String> annotations = Propagation.annotations(service, Set.of(Propagation.ROLLOUT_DURATION));
        Set<String> routes = new TreeSet<>();
        existing.map(c -> c.metadata().annotationsOrEmpty().get(ROUTES)).filter(v -> !v.isBlank())
                .ifPresent(v -> routes.addAll(Arrays.asList(v.split(","))));
        routes.add(ServiceNames.route(service));
        annotations.put(ROUTES, String.join(",", routes));
        ObjectMeta metadata = ObjectMeta.builder().namespace(service.metadata().namespace())
                .name(ServiceNames.configuration(service)).labels(Propagation.labels(service))
                .annotations(annotations).ownerReferences(List.of(Owners.controllerRef(service))).build();
        return Configuration.of(metadata, new ConfigurationSpec(service.spec().template()));
    }
}

package dev.kumo.controller.service.resources;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.RouteSpec;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.api.serving.defaults.TrafficDefaults;
import dev.kumo.controller.client.Owners;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The Route a Service wants: its traffic (by default all of it to the latest ready Revision), with the
 * Configuration named for every target that follows the latest Revision; labels and annotations as Knative passes
 * them on; controlled by the Service.
 */
public final class MakeRoute {

    private MakeRoute() {
    }

    public static Route from(Service service) {
        String configuration = ServiceNames.configuration(service);
        List<TrafficTarget> traffic = TrafficDefaults.forService(service.spec().trafficOrEmpty()).stream()
                .map(t -> t.pinnedRevision().isPresent() ? t : new TrafficTarget(t.tag(), null, configuration,
                        t.latestRevision(), t.percent(), t.url()))
                .toList();
        ObjectMeta metadata = ObjectMeta.builder().namespace(service.metadata().namespace())
                .name(ServiceNames.route(service)).labels(Propagation.labels(service))
                .annotations(emptyAsNull(Propagation.annotations(service, Set.of())))
                .ownerReferences(List.of(Owners.controllerRef(service))).build();
        return Route.of(metadata, new RouteSpec(traffic));
    }

    private static <M extends Map<String, String>> M emptyAsNull(M map) {
        return map.isEmpty() ? null : map;
    }
}

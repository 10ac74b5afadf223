package dev.kumo.controller.domainmapping;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.DomainMapping;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.Service;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.KeyMapper;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteUrls;
import dev.kumo.controller.route.RoutingSink;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/**
 * Wires the DomainMapping reconciler: DomainMappings are its primary kind; a mapping's change also concerns every
 * other namespace's mapping of that name (the claim), and a Service's or Route's change the mappings that
 * reference one of its name.
 */
public final class DomainMappingController {

    public static final String NAME = "domainmappings";

    private DomainMappingController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, RoutingSink routing,
            RouteUrls urls) {
        engine.register(Controller.of(NAME, ResourceTypes.DOMAIN_MAPPING, reconciler(store, clock, routing, urls))
                .watching(ResourceTypes.DOMAIN_MAPPING, sameName(store))
                .watching(ResourceTypes.SERVICE, referencing(store))
                .watching(ResourceTypes.ROUTE, referencing(store)));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static DomainMappingReconciler reconciler(ResourceStore store, InstantSource clock, RoutingSink routing,
            RouteUrls urls) {
        return new DomainMappingReconciler(new TypedStore<>(store, ResourceTypes.DOMAIN_MAPPING, DomainMapping.class),
                new TypedStore<>(store, ResourceTypes.SERVICE, Service.class),
                new TypedStore<>(store, ResourceTypes.ROUTE, Route.class), routing, urls, clock);
    }

    private static KeyMapper sameName(ResourceStore store) {
        return changed -> {
            String name = changed.path("metadata").path("name").asText("");
            return store.list(ResourceTypes.DOMAIN_MAPPING, ListOptions.ALL).items().stream()
                    .filter(m -> name.equals(m.path("metadata").path("name").asText()))
                    .map(NamespacedName::of).toList();
        };
    }

    private static KeyMapper referencing(ResourceStore store) {
        return service -> {
            String namespace = service.path("metadata").path("namespace").asText("");
            String name = service.path("metadata").path("name").asText("");
            return store.list(ResourceTypes.DOMAIN_MAPPING, ListOptions.in(namespace)).items().stream()
                    .filter(m -> name.equals(m.path("spec").path("ref").path("name").asText()))
                    .map(NamespacedName::of).toList();
        };
    }
}

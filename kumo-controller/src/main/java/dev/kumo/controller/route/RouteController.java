package dev.kumo.controller.route;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.Route;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.store.ResourceStore;
import java.time.InstantSource;

/** Wires the Route reconciler: Routes are its primary kind; the Configurations and Revisions they name trigger it. */
public final class RouteController {

    public static final String NAME = "routes";

    private RouteController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store, InstantSource clock, RoutingSink sink,
            RouteUrls urls) {
        engine.register(Controller.of(NAME, ResourceTypes.ROUTE, reconciler(store, clock, sink, urls))
                .watching(ResourceTypes.CONFIGURATION, RouteReferences.toConfiguration(store))
                .watching(ResourceTypes.REVISION, RouteReferences.toRevision(store)));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static RouteReconciler reconciler(ResourceStore store, InstantSource clock, RoutingSink sink,
            RouteUrls urls) {
        return new RouteReconciler(new TypedStore<>(store, ResourceTypes.ROUTE, Route.class),
                new TrafficResolver(new TypedStore<>(store, ResourceTypes.CONFIGURATION, Configuration.class),
                        new TypedStore<>(store, ResourceTypes.REVISION, Revision.class)),
                sink, urls, clock);
    }
}

package dev.kumo.controller.route;

import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.api.serving.defaults.TrafficDefaults;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.route.resources.MakeTraffic;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a Route's traffic to ready Revisions and publishes it to the {@link RoutingSink}, and gives the Route its
 * URL and its loopback address ({@link RouteUrls}). When a target cannot be resolved, what was published last stays
 * in effect and AllTrafficAssigned says why.
 */
public final class RouteReconciler implements Reconciler {

    private final TypedStore<Route> routes;
    private final TrafficResolver resolver;
    private final RoutingSink sink;
    private final RouteUrls urls;
    private final InstantSource clock;

    RouteReconciler(TypedStore<Route> routes, TrafficResolver resolver, RoutingSink sink, RouteUrls urls,
            InstantSource clock) {
        this.routes = routes;
        this.resolver = resolver;
        this.sink = sink;
        this.urls = urls;
        this.clock = clock;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<Route> found = routes.get(key.namespace(), key.name());
        if (found.isEmpty()) {
            sink.remove(key);
            return Result.done();
        }
        Route route = found.get();
        if (route.metadata().deletionTimestamp() != null) {
            return Result.done();
        }
        RouteUrls urls = this.urls.of(route);
        RouteLifecycle status = new RouteLifecycle(route.status(), clock);
        status.setUrl(urls.url(urls.host(key)));
        // The port recorded in the status is asked for again, so the address outlives a restart.
        status.setAddress(RouteUrls.address(sink.address(key, urls.host(key),
                RouteUrls.addressPort(status.addressUrl()))));
        switch (resolver.resolve(key.namespace(), traffic(route))) {
            case TrafficResolver.Resolution.Unresolved unresolved -> status.markTrafficNotAssigned(unresolved.problem());
            case TrafficResolver.Resolution.Resolved resolved -> {
                sink.publish(MakeTraffic.routing(key, resolved.targets(), urls));
                status.markTrafficAssigned(MakeTraffic.status(key, resolved.targets(), urls));
                status.markIngressReady();
            }
        }
        routes.updateStatusIfChanged(route, route.withStatus(status.toStatus(route.metadata().generation())),
                Route::status);
        return Result.done();
    }

    private static List<TrafficTarget> traffic(Route route) {
        List<TrafficTarget> spec = route.spec() == null ? List.of() : route.spec().trafficOrEmpty();
        return TrafficDefaults.forRoute(spec);
    }
}

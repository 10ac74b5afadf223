package dev.kumo.dataplane.router;

import java.util.function.Supplier;

/**
 * Finds the route of the request's Host (case-insensitive, port ignored), or of the route whose loopback address
 * it came to, else answers 404.
 */
final class HostRouting implements Stage {

    private final Supplier<Routes> routes;

    HostRouting(Supplier<Routes> routes) {
        this.routes = routes;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        Routes current = routes.get();
        String host = exchange.routeKey();
        HostRoute route = current.find(host);
        if (route == null) {
            exchange.fail(404, Routes.notFoundMessage(host));
            return;
        }
        exchange.route(route);
        next.proceed(exchange);
    }
}

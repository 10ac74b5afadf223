package dev.kumo.dataplane.api;

import dev.kumo.dataplane.router.RouterServer;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;

/**
 * The ingress router: an HTTP/1.1 reverse proxy routing by Host to revision instances by the current
 * {@link RouteTable}, reading instances from {@link Endpoints} on every request.
 */
public final class Router implements AutoCloseable {

    private final RouterServer server;
    private final Vertx ownedVertx;

    private Router(RouterServer server, Vertx ownedVertx) {
        this.server = server;
        this.ownedVertx = ownedVertx;
    }

    /** Starts on its own Vert.x instance (native epoll transport when available); routes nothing until updated. */
    public static Router start(RouterConfig config, Endpoints endpoints) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
                .setEventLoopPoolSize(config.eventLoops()));
        try {
            return new Router(RouterServer.start(vertx, config, endpoints), vertx);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** Starts on a shared Vert.x instance, which stays open on {@link #close()}. */
    public static Router start(Vertx vertx, RouterConfig config, Endpoints endpoints) {
        return new Router(RouterServer.start(vertx, config, endpoints), null);
    }

    /** The port actually bound (useful when the config asked for port 0). */
    public int port() {
        return server.port();
    }

    /** Routes every request from now on by {@code table}; requests in flight finish on their revision. */
    public void update(RouteTable table) {
        server.update(table);
    }

    @Override
    public void close() {
        server.close();
        if (ownedVertx != null) {
            ownedVertx.close();
        }
    }
}

package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the router's verticles on a Vert.x instance and swaps route tables under them. */
public final class RouterServer implements AutoCloseable {

    private final Vertx vertx;
    private final Gates gates;
    private final AtomicReference<Routes> routes;
    private final int port;
    private final String[] deployments;

    private RouterServer(Vertx vertx, Gates gates, AtomicReference<Routes> routes, int port, String[] deployments) {
        this.vertx = vertx;
        this.gates = gates;
        this.routes = routes;
        this.port = port;
        this.deployments = deployments;
    }

    /** Binds {@code config.eventLoops()} servers to one port; throws if it cannot be bound. */
    public static RouterServer start(Vertx vertx, RouterConfig config, Endpoints endpoints) {
        Gates gates = new Gates(endpoints, System::nanoTime, config.ejectionTime().toNanos());
        AtomicReference<Routes> routes = new AtomicReference<>(Routes.compile(RouteTable.empty(), gates));
        String[] deployments = new String[2];
        try {
            // The first server binds (possibly an ephemeral port); the others then share that port.
            RouterVerticle first = new RouterVerticle(config.host(), config.port(), routes::get);
            deployments[0] = await(vertx.deployVerticle(first));
            int port = first.actualPort();
            if (config.eventLoops() > 1) {
                deployments[1] = await(vertx.deployVerticle(() -> new RouterVerticle(config.host(), port, routes::get),
                        new DeploymentOptions().setInstances(config.eventLoops() - 1)));
            }
            return new RouterServer(vertx, gates, routes, port, deployments);
        } catch (RuntimeException e) {
            undeploy(vertx, deployments);
            throw new IllegalStateException("starting the router on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /** Makes {@code table} the routes for every request from now on. */
    public synchronized void update(RouteTable table) {
        routes.set(Routes.compile(table, gates));
    }

    @Override
    public void close() {
        undeploy(vertx, deployments);
    }

    private static void undeploy(Vertx vertx, String[] deployments) {
        for (String id : deployments) {
            if (id != null) {
                try {
                    await(vertx.undeploy(id));
                } catch (RuntimeException e) {
                    // Best effort: the router is going away.
                }
            }
        }
    }

    private static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}

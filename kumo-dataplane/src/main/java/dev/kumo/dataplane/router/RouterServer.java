package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterConfig;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Runs the router's verticles on a Vert.x instance and swaps route tables under them. */
public final class RouterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);

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
        String[] deployments = new String[1];
        try {
            // Vert.x shares one listening port among servers asking for the same port; a negative port means
            // "one ephemeral port shared by all" (port 0 would give each server its own).
            int requested = config.port() == 0 ? -1 : config.port();
            List<RouterVerticle> verticles = new CopyOnWriteArrayList<>();
            deployments[0] = await(vertx.deployVerticle(() -> {
                RouterVerticle verticle = new RouterVerticle(config.host(), requested, routes::get);
                verticles.add(verticle);
                return verticle;
            }, new DeploymentOptions().setInstances(config.eventLoops())));
            int port = verticles.get(0).actualPort();
            if (verticles.stream().anyMatch(v -> v.actualPort() != port)) {
                throw new IllegalStateException("the router's servers did not share one port");
            }
            LOG.info("router listening on {}:{} with {} event loops, native transport {}", config.host(), port,
                    config.eventLoops(), vertx.isNativeTransportEnabled() ? "on" : "off (NIO)");
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

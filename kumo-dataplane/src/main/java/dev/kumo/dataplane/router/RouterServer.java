package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.dataplane.api.InstanceAddress;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the router's verticles on a Vert.x instance, swaps route tables under them, follows endpoint changes to
 * wake held requests, and ticks the per-second load report.
 */
public final class RouterServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);
    private static final long TICK_MILLIS = 1000;

    private final Vertx vertx;
    private final Gates gates;
    private final AtomicReference<Routes> routes;
    private final int port;
    private final String[] deployments;
    private final RouterListeners listeners;
    private final Endpoints.Subscription subscription;
    private final long ticker;
    private final RouteAddresses addresses;

    private RouterServer(Vertx vertx, Gates gates, AtomicReference<Routes> routes, int port, String[] deployments,
            RouterListeners listeners, Endpoints.Subscription subscription, long ticker, RouteAddresses addresses) {
        this.vertx = vertx;
        this.gates = gates;
        this.routes = routes;
        this.port = port;
        this.deployments = deployments;
        this.listeners = listeners;
        this.subscription = subscription;
        this.ticker = ticker;
        this.addresses = addresses;
    }

    /** Binds {@code config.eventLoops()} servers to one port; throws if it cannot be bound. */
    public static RouterServer start(Vertx vertx, RouterConfig config, Endpoints endpoints, MeterRegistry registry) {
        RouterListeners listeners = new RouterListeners();
        Gates gates = new Gates(endpoints, System::nanoTime, config, registry, listeners);
        AtomicReference<Routes> routes = new AtomicReference<>(Routes.compile(RouteTable.empty(), gates));
        String[] deployments = new String[1];
        try {
            // Vert.x shares one listening port among servers asking for the same port; a negative port means
            // "one ephemeral port shared by all" (port 0 would give each server its own).
            int requested = config.port() == 0 ? -1 : config.port();
            List<RouterVerticle> verticles = new CopyOnWriteArrayList<>();
            AtomicInteger loops = new AtomicInteger();
            deployments[0] = await(vertx.deployVerticle(() -> {
                RouterVerticle verticle = new RouterVerticle(config.host(), requested, config.limits(), routes::get,
                        loops.getAndIncrement());
                verticles.add(verticle);
                return verticle;
            }, new DeploymentOptions().setInstances(config.eventLoops())));
            int port = verticles.get(0).actualPort();
            if (verticles.stream().anyMatch(v -> v.actualPort() != port)) {
                throw new IllegalStateException("the router's servers did not share one port");
            }
            List<Context> contexts = byLoop(verticles).stream().map(RouterVerticle::loopContext).toList();
            Endpoints.Subscription subscription = endpoints.subscribe(revision -> {
                Gate gate = gates.gate(revision);
                if (gate != null) {
                    gate.wake();
                }
            });
            LoadReporter reporter = new LoadReporter(gates, contexts, listeners, InstantSource.system(),
                    System::nanoTime);
            long ticker = vertx.setPeriodic(TICK_MILLIS, id -> reporter.tick());
            LOG.info("router listening on {}:{} with {} event loops, native transport {}", config.host(), port,
                    config.eventLoops(), vertx.isNativeTransportEnabled() ? "on" : "off (NIO)");
            return new RouterServer(vertx, gates, routes, port, deployments, listeners, subscription, ticker,
                    new RouteAddresses(byLoop(verticles)));
        } catch (RuntimeException e) {
            undeploy(vertx, deployments);
            throw new IllegalStateException("starting the router on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * Serves {@code host}'s route on a loopback port of its own too, {@code preferredPort} when it is free (0: any);
     * returns the port. Blocks until listening; not on a router thread.
     */
    public int listen(String host, int preferredPort) {
        return addresses.open(host, preferredPort);
    }

    /** Stops serving the loopback address on {@code port}. */
    public void unlisten(int port) {
        addresses.close(port);
    }

    /** Where demand and load are reported. */
    public RouterListeners listeners() {
        return listeners;
    }

    /** Requests in flight to one instance of a revision (for draining it before it stops). */
    public int inFlight(RevisionId revision, InstanceAddress address) {
        return gates.inFlight(revision, address);
    }

    /** Whether the activator is in the path of {@code revision} (see {@code Router.activatorInPath}). */
    public void activatorInPath(RevisionId revision, boolean inPath) {
        gates.activatorInPath(revision, inPath);
    }

    /** Makes {@code table} the routes for every request from now on. */
    public synchronized void update(RouteTable table) {
        routes.set(Routes.compile(table, gates));
    }

    @Override
    public void close() {
        vertx.cancelTimer(ticker);
        subscription.close();
        undeploy(vertx, deployments);
        addresses.clear();
        gates.retainOnly(java.util.Set.of());
    }

    /** The verticles by event loop number. */
    private static List<RouterVerticle> byLoop(List<RouterVerticle> verticles) {
        return verticles.stream().sorted(Comparator.comparingInt(RouterVerticle::loop)).toList();
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

    static <T> T await(io.vertx.core.Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e.toString(), e);
        }
    }
}

package dev.kumo.dataplane.router;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.Endpoints;
import dev.kumo.dataplane.api.RevisionOwners;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.runtime.spi.InstanceAddress;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/**
 * The router's engine, the {@link Router} implementation: runs the router's verticles on a Vert.x instance, swaps
 * route tables under them, follows endpoint changes to wake held requests, and ticks the per-second load report.
 * Constructing it starts nothing; {@link #start()} binds.
 */
public final class RouterServer implements Router {

    private static final Logger LOG = LoggerFactory.getLogger(RouterServer.class);
    private static final long TICK_MILLIS = 1000;

    private final Vertx vertx;
    private final boolean ownsVertx;
    private final RouterConfig config;
    private final Endpoints endpoints;
    private final ScalingSignals signals;
    private final Gates gates;
    private final AtomicReference<Routes> routes;
    private final String[] deployments = new String[1];
    private volatile int port;
    private Endpoints.Subscription subscription;
    private long ticker = -1;
    private volatile RouteAddresses addresses;
    private FrontServer front;

    /**
     * A router on {@code vertx}, which stays open on {@link #close()}, registering its per-revision meters in
     * {@code registry} and exchanging {@code signals} with the autoscaler; routes nothing until updated.
     */
    public RouterServer(Vertx vertx, RouterConfig config, Endpoints endpoints, MeterRegistry registry,
            ScalingSignals signals) {
        this(vertx, config, endpoints, registry, signals, RevisionOwners.NONE);
    }

    /** The same, the per-revision meters labelled with the Service and Configuration {@code owners} name. */
    public RouterServer(Vertx vertx, RouterConfig config, Endpoints endpoints, MeterRegistry registry,
            ScalingSignals signals, RevisionOwners owners) {
        this(vertx, false, config, endpoints, registry, signals, owners);
    }

    private RouterServer(Vertx vertx, boolean ownsVertx, RouterConfig config, Endpoints endpoints,
            MeterRegistry registry, ScalingSignals signals, RevisionOwners owners) {
        this.vertx = vertx;
        this.ownsVertx = ownsVertx;
        this.config = config;
        this.endpoints = endpoints;
        this.signals = signals;
        this.gates = new Gates(endpoints, System::nanoTime, config, registry, signals, owners);
        this.routes = new AtomicReference<>(Routes.compile(RouteTable.empty(), gates));
    }

    /**
     * Starts a router on a Vert.x instance of its own (native epoll transport when available), closed with it;
     * returns it listening.
     */
    public static RouterServer start(RouterConfig config, Endpoints endpoints, MeterRegistry registry,
            ScalingSignals signals) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
                .setEventLoopPoolSize(config.eventLoops()));
        RouterServer router = new RouterServer(vertx, true, config, endpoints, registry, signals,
                RevisionOwners.NONE);
        try {
            router.start();
            return router;
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** Binds {@code config.eventLoops()} servers to one port and starts the load tick; throws if it cannot bind. */
    public void start() {
        start(true);
    }

    /** Starts as {@link #start()} does, its "listening" line at DEBUG: a router no user addresses (the warm-up's). */
    public void startUnannounced() {
        start(false);
    }

    private void start(boolean announce) {
        try {
            // Vert.x shares one listening port among servers asking for the same port; a negative port means
            // "one ephemeral port shared by all" (port 0 would give each server its own).
            // With the Netty front, the Vert.x servers listen on an internal loopback port the front relays to.
            boolean netty = config.engine() == RouterEngine.NETTY;
            String host = netty ? RouteAddresses.LOOPBACK : config.host();
            // A port of its own, not Vert.x's shared "-1": another router on this Vert.x (the warm-up's) must not
            // share the internal listener, which expects a PROXY line on every connection.
            int requested = netty ? freeLoopbackPort() : config.port() == 0 ? -1 : config.port();
            List<RouterVerticle> verticles = new CopyOnWriteArrayList<>();
            AtomicInteger loops = new AtomicInteger();
            deployments[0] = await(vertx.deployVerticle(() -> {
                RouterVerticle verticle = new RouterVerticle(host, requested, config.limits(), config.h2c(),
                        routes::get, loops.getAndIncrement(), config.openTelemetry(), netty);
                verticles.add(verticle);
                return verticle;
            }, new DeploymentOptions().setInstances(config.eventLoops())));
            int bound = verticles.get(0).actualPort();
            if (verticles.stream().anyMatch(v -> v.actualPort() != bound)) {
                throw new IllegalStateException("the router's servers did not share one port");
            }
            List<Context> contexts = byLoop(verticles).stream().map(RouterVerticle::loopContext).toList();
            List<Executor> meteringLoops = new ArrayList<>(contexts.stream()
                    .map(context -> (Executor) task -> context.runOnContext(v -> task.run())).toList());
            if (netty) {
                TransportChoice choice = TransportChoice.of(config.transport(), NativeTransports.SYSTEM);
                choice.fallback().ifPresent(why -> LOG.atLevel(announce ? Level.INFO : Level.DEBUG).log(
                        "the Netty front runs on {}, not {}: {}", choice.transport(),
                        config.transport().flagValue(), why));
                // Its own loops meter in the slots after the Vert.x loops' (Gates.meterSlots).
                front = FrontServer.start(config.host(), config.port(), choice.transport(), config.eventLoops(),
                        config.eventLoops(), config.limits(), new FrontDoor(routes::get, config.tracing()
                                ? new RequestTracing(config.openTelemetry()) : null),
                        new java.net.InetSocketAddress(RouteAddresses.LOOPBACK, bound));
                meteringLoops.addAll(front.loops());
            }
            subscription = endpoints.subscribe(revision -> {
                Gate gate = gates.gate(revision);
                if (gate != null) {
                    gate.wake();
                }
            });
            LoadReporter reporter = new LoadReporter(gates, List.copyOf(meteringLoops), signals,
                    InstantSource.system(), System::nanoTime);
            ticker = vertx.setPeriodic(TICK_MILLIS, id -> reporter.tick());
            addresses = new RouteAddresses(byLoop(verticles));
            port = netty ? front.port() : bound;
            LOG.atLevel(announce ? Level.INFO : Level.DEBUG).log(
                    "router listening on {}:{} ({}) with {} event loops, native transport {}{}", config.host(), port,
                    config.h2c() ? "HTTP/1.1 and h2c" : "HTTP/1.1", config.eventLoops(),
                    vertx.isNativeTransportEnabled() ? "on" : "off (NIO)",
                    netty ? ", Netty front on " + front.transport() + " (Vert.x router behind it on 127.0.0.1:"
                            + bound + ")" : "");
        } catch (RuntimeException e) {
            // The front binds last: its failure must not leave the load tick and the Vert.x servers behind.
            stopTicking();
            closeFront();
            undeploy(vertx, deployments);
            throw new IllegalStateException("starting the router on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
    }

    /** The Netty front, while it runs ({@link RouterEngine#NETTY}). */
    java.util.Optional<FrontServer> front() {
        return java.util.Optional.ofNullable(front);
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public int listen(String host, int preferredPort) {
        return addresses.open(host, preferredPort);
    }

    @Override
    public void unlisten(int port) {
        addresses.close(port);
    }

    @Override
    public int inFlight(RevisionId revision, InstanceAddress address) {
        return gates.inFlight(revision, address);
    }

    @Override
    public synchronized void update(RouteTable table) {
        routes.set(Routes.compile(table, gates));
    }

    @Override
    public void close() {
        stopTicking();
        closeFront();
        undeploy(vertx, deployments);
        if (addresses != null) {
            addresses.clear();
        }
        gates.retainOnly(java.util.Set.of());
        if (ownsVertx) {
            vertx.close();
        }
    }

    private void stopTicking() {
        if (ticker >= 0) {
            vertx.cancelTimer(ticker);
            ticker = -1;
        }
        if (subscription != null) {
            subscription.close();
            subscription = null;
        }
    }

    private void closeFront() {
        if (front != null) {
            front.close();
            front = null;
        }
    }

    private static int freeLoopbackPort() {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
                java.net.InetAddress.getByName(RouteAddresses.LOOPBACK))) {
            return socket.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("finding a free loopback port for the Netty front's internal listener: "
                    + e.getMessage(), e);
        }
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

package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.router.RouterServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The ingress router: an HTTP/1.1 reverse proxy routing by Host to revision instances by the current
 * {@link RouteTable}, reading instances from {@link Endpoints} on every request. It is also the activator: a
 * request for a revision with no ready instance, or one the autoscaler put the activator in the path of, waits
 * (up to {@link RouterConfig#maxHeldPerRevision()}) until an instance has a free slot or the revision's
 * timeoutSeconds pass (504), and the router reports demand and every revision's load each second, and its cold
 * starts, to the listeners set here.
 */
public final class Router implements AutoCloseable {

    private final RouterServer server;
    private final Vertx ownedVertx;

    private Router(RouterServer server, Vertx ownedVertx) {
        this.server = server;
        this.ownedVertx = ownedVertx;
    }

    /**
     * Starts on its own Vert.x instance (native epoll transport when available) with no meters; routes nothing
     * until updated.
     */
    public static Router start(RouterConfig config, Endpoints endpoints) {
        return start(config, endpoints, new CompositeMeterRegistry());
    }

    /** Starts on its own Vert.x instance, registering its per-revision meters in {@code registry}. */
    public static Router start(RouterConfig config, Endpoints endpoints, MeterRegistry registry) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true)
                .setEventLoopPoolSize(config.eventLoops()));
        try {
            return new Router(RouterServer.start(vertx, config, endpoints, registry), vertx);
        } catch (RuntimeException e) {
            vertx.close();
            throw e;
        }
    }

    /** Starts on a shared Vert.x instance, which stays open on {@link #close()}, with no meters. */
    public static Router start(Vertx vertx, RouterConfig config, Endpoints endpoints) {
        return start(vertx, config, endpoints, new CompositeMeterRegistry());
    }

    /** Starts on a shared Vert.x instance, registering its per-revision meters in {@code registry}. */
    public static Router start(Vertx vertx, RouterConfig config, Endpoints endpoints, MeterRegistry registry) {
        return new Router(RouterServer.start(vertx, config, endpoints, registry), null);
    }

    /** The port actually bound (useful when the config asked for port 0). */
    public int port() {
        return server.port();
    }

    /**
     * Requests in flight to one instance of {@code revision}, counting those it took before it left the endpoints:
     * an instance being removed is drained until this reaches 0.
     */
    public int inFlight(RevisionId revision, InstanceAddress address) {
        return server.inFlight(revision, address);
    }

    /**
     * Serves the route of {@code host} on a loopback port of its own too — {@code http://127.0.0.1:PORT}, which any
     * HTTP client reaches without resolving a name, as a Kubernetes Service's ClusterIP — on {@code preferredPort}
     * when nothing listens there (0: any free port); returns the port. Requests there take that host's route of the
     * current {@link RouteTable} whatever their Host says (404 while it has none). Blocks until listening; call it
     * from any thread but the router's.
     */
    public int listen(String host, int preferredPort) {
        return server.listen(host, preferredPort);
    }

    /** Stops serving the loopback address on {@code port} that {@link #listen} opened. */
    public void unlisten(int port) {
        server.unlisten(port);
    }

    /** Routes every request from now on by {@code table}; requests in flight finish on their revision. */
    public void update(RouteTable table) {
        server.update(table);
    }

    /**
     * Puts the activator in the path of {@code revision} or takes it out, as the autoscaler decided (Knative: while
     * the excess burst capacity is negative). In the path, requests beyond containerConcurrency on every instance
     * wait up to {@link RouterConfig#maxHeldPerRevision()}; out of it, up to 10 × containerConcurrency per ready
     * instance, the rest get 503. Any thread; remembered for a revision not routed yet; default out of the path.
     */
    public void activatorInPath(RevisionId revision, boolean inPath) {
        server.activatorInPath(revision, inPath);
    }

    /**
     * Calls {@code listener} when a request is held at a revision with no ready instance, and again at most once a
     * second while requests are still held there, so that the platform starts an instance. It runs on a router
     * thread and must not block. Replaces any earlier listener.
     */
    public void onDemand(Consumer<RevisionId> listener) {
        server.listeners().onDemand(listener);
    }

    /**
     * Calls {@code listener} once a second per revision with its {@link LoadSample} of the second before: for every
     * revision that had traffic or has ready instances. It runs on a router thread and must not block. Replaces any
     * earlier listener.
     */
    public void onLoad(BiConsumer<RevisionId, LoadSample> listener) {
        server.listeners().onLoad(listener);
    }

    /**
     * Calls {@code listener} when a request that was held at a revision with no ready instance gets its response head
     * from an instance (not when the router answers it, e.g. 504). It runs on a router thread and must not block.
     * Replaces any earlier listener.
     */
    public void onColdStart(Consumer<ColdStart> listener) {
        server.listeners().onColdStart(listener);
    }

    @Override
    public void close() {
        server.close();
        if (ownedVertx != null) {
            ownedVertx.close();
        }
    }
}

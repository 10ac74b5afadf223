package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;

/**
 * The ingress router: an HTTP/1.1 reverse proxy routing by Host to revision instances by the current
 * {@link RouteTable}, reading instances from {@link Endpoints} on every request. It is also the activator: a
 * request for a revision with no ready instance, or one the autoscaler put the activator in the path of (through
 * {@link ScalingSignals}), waits (up to {@link RouterConfig#maxHeldPerRevision()}) until an instance has a free
 * slot or the revision's timeoutSeconds pass (504); the router sends demand, every revision's load each second,
 * and its cold starts as {@link ScalingSignals}. The engine (the {@code router} package's {@code RouterServer})
 * implements it; this package does not depend on the engine.
 */
public interface Router extends AutoCloseable {

    /** The port actually bound (useful when the config asked for port 0). */
    int port();

    /**
     * Requests in flight to one instance of {@code revision}, counting those it took before it left the endpoints:
     * an instance being removed is drained until this reaches 0.
     */
    int inFlight(RevisionId revision, InstanceAddress address);

    /**
     * Serves the route of {@code host} on a loopback port of its own too — {@code http://127.0.0.1:PORT}, which any
     * HTTP client reaches without resolving a name, as a Kubernetes Service's ClusterIP — on {@code preferredPort}
     * when nothing listens there (0: any free port); returns the port. Requests there take that host's route of the
     * current {@link RouteTable} whatever their Host says (404 while it has none). Blocks until listening; call it
     * from any thread but the router's.
     */
    int listen(String host, int preferredPort);

    /** Stops serving the loopback address on {@code port} that {@link #listen} opened. */
    void unlisten(int port);

    /** Routes every request from now on by {@code table}; requests in flight finish on their revision. */
    void update(RouteTable table);

    @Override
    void close();
}

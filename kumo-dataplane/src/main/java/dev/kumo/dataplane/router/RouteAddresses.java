package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Kumo's ClusterIP: a route can have a loopback port of its own on the router, so that any plain HTTP client reaches
 * it at {@code http://127.0.0.1:PORT} without resolving a name ({@code *.localhost} does not resolve through glibc).
 * Requests there take that route whatever their Host says. One server per address, on one event loop (taken in
 * turn): addresses carry workloads' own calls (sinks, subscribers), not the ingress load. The port asked for is
 * used when nothing listens on it (so an address survives a restart), else any free one.
 */
final class RouteAddresses {

    static final String LOOPBACK = "127.0.0.1";

    /** A route's address: the route key of its host and the server listening for it. */
    private record Listening(String host, HttpServer server) {
    }

    private final List<RouterVerticle> verticles;
    private final Map<Integer, Listening> byPort = new HashMap<>();
    private int next;

    RouteAddresses(List<RouterVerticle> verticles) {
        this.verticles = List.copyOf(verticles);
    }

    /**
     * Listens for {@code host}'s route on {@code preferredPort} when it is free (0: no preference), else on any free
     * port; returns the port. Blocks until listening: never call it on a router thread.
     */
    synchronized int open(String host, int preferredPort) {
        String key = host.toLowerCase(Locale.ROOT);
        if (preferredPort > 0 && !byPort.containsKey(preferredPort) && free(preferredPort)) {
            try {
                return bind(key, preferredPort);
            } catch (IllegalStateException e) {
                // Taken between the probe and the bind: any free port will do.
            }
        }
        return bind(key, 0);
    }

    /** Stops listening on {@code port}, if it is an address. */
    synchronized void close(int port) {
        Listening listening = byPort.remove(port);
        if (listening != null) {
            RouterServer.await(listening.server().close());
        }
    }

    /** Forgets every address (their servers close with the verticles they run on). */
    synchronized void clear() {
        byPort.clear();
    }

    private int bind(String host, int port) {
        RouterVerticle verticle = verticles.get(next++ % verticles.size());
        HttpServer server = RouterServer.await(verticle.listenFor(host, port));
        byPort.put(server.actualPort(), new Listening(host, server));
        return server.actualPort();
    }

    /**
     * Whether nothing listens on {@code port} of the loopback address. Vert.x shares a listening socket among servers
     * asking for the same host and port, so binding a port another server of this process holds would silently
     * share it instead of failing: probe with a plain socket first.
     */
    private static boolean free(int port) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(LOOPBACK, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}

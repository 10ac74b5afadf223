package dev.kumo.controller.route;

import dev.kumo.controller.engine.NamespacedName;

/**
 * Where the Route reconciler publishes resolved routing, and the DomainMapping reconciler the domains served as a
 * Route; the data plane implements it. Calls must be idempotent.
 */
public interface RoutingSink {

    /** Replaces everything previously published for {@code routing.route()}. */
    void publish(RouteRouting routing);

    /**
     * Serves {@code route}'s {@code host} on a loopback port of its own too (Kumo's ClusterIP, which any HTTP client
     * reaches without resolving a name), {@code preferredPort} when it is free (0: any); returns the port. A route
     * that has one keeps it.
     */
    int address(NamespacedName route, String host, int preferredPort);

    /** The Route is gone: stop serving its hosts and its address. */
    void remove(NamespacedName route);

    /** Requests for {@code host} are served as those of {@code route}'s own host, from now on (a DomainMapping). */
    void map(NamespacedName mapping, String host, NamespacedName route);

    /** The DomainMapping is gone or lost its domain: its host is no longer served. */
    void unmap(NamespacedName mapping);
}

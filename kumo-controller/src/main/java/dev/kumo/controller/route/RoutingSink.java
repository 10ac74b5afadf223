package dev.kumo.controller.route;

import dev.kumo.controller.engine.NamespacedName;

/** Where the Route reconciler publishes resolved routing; the data plane implements it. Calls must be idempotent. */
public interface RoutingSink {

    /** Replaces everything previously published for {@code routing.route()}. */
    void publish(RouteRouting routing);

    /** The Route is gone: stop serving its hosts. */
    void remove(NamespacedName route);
}

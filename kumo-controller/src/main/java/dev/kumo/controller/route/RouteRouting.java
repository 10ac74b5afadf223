package dev.kumo.controller.route;

import dev.kumo.controller.engine.NamespacedName;
import java.util.List;

/** Everything one Route serves: each host (the main one, then one per tag) with its weighted Revisions. */
public record RouteRouting(NamespacedName route, List<HostRoute> hosts) {

    public RouteRouting {
        hosts = List.copyOf(hosts);
    }

    /** A host name (without port) and how its requests are split; the percents add up to 100. */
    public record HostRoute(String host, List<RevisionTarget> targets) {
        public HostRoute {
            targets = List.copyOf(targets);
        }
    }

    /**
     * One Revision's share of a host, with the request limits the data plane enforces for it (its timeouts, 0:
     * none) and whether its serving port is named {@code h2c} (the data plane then speaks HTTP/2 to it, as Knative
     * does).
     */
    public record RevisionTarget(String namespace, String revisionName, int percent, long timeoutSeconds,
            long containerConcurrency, boolean h2c, long responseStartTimeoutSeconds, long idleTimeoutSeconds) {

        /** A target served over HTTP/1.1. */
        public RevisionTarget(String namespace, String revisionName, int percent, long timeoutSeconds,
                long containerConcurrency) {
            this(namespace, revisionName, percent, timeoutSeconds, containerConcurrency, false, 0, 0);
        }
    }
}

package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.WeightedTarget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A {@link RouteTable} compiled for the request path: host → pickable targets with their gates. */
final class Routes {

    /** Longer than any DNS name: a host echoed in the 404 is cut there. */
    private static final int HOST_IN_MESSAGE = 253;

    private final Map<String, HostRoute> byHost;

    private Routes(Map<String, HostRoute> byHost) {
        this.byHost = byHost;
    }

    static Routes compile(RouteTable table, Gates gates) {
        Map<String, HostRoute> byHost = new HashMap<>();
        Set<dev.kumo.autoscaler.metrics.RevisionId> routed = new HashSet<>();
        for (String host : table.hosts()) {
            List<WeightedTarget> targets = table.targets(host).orElseThrow();
            int[] percents = new int[targets.size()];
            RevisionTarget[] compiled = new RevisionTarget[targets.size()];
            for (int i = 0; i < percents.length; i++) {
                WeightedTarget target = targets.get(i);
                percents[i] = target.percent();
                var settings = table.settings(target.revision());
                Gates.Entry entry = gates.entryFor(target.revision(), settings);
                compiled[i] = new RevisionTarget(target.revision(), settings, entry.gate(), entry.context(), entry.stats());
                routed.add(target.revision());
            }
            byHost.put(host, new HostRoute(new WeightedPicker(percents), compiled));
        }
        gates.retainOnly(routed);
        return new Routes(byHost);
    }

    /** The route of {@code routeKey} (lower case, no port), or null: this is the hot path, no Optional. */
    HostRoute find(String routeKey) {
        return byHost.get(routeKey);
    }

    /**
     * The 404's text: the host is unknown (or none was named) and where to look, never the hosts that are known (they
     * would tell anyone who can reach the router every namespace's Service names).
     */
    static String notFoundMessage(String host) {
        if (host.isEmpty()) {
            return "no Kumo route for a request that names no host (HTTP/1.0 without Host, or an empty Host): send "
                    + "Host with the Service's host name; 'kumo service list' shows the Services and their URLs";
        }
        String shown = host.length() > HOST_IN_MESSAGE ? host.substring(0, HOST_IN_MESSAGE) + "…" : host;
        return "no Kumo route for host \"" + shown + "\": no Service answers to that name; "
                + "'kumo service list' shows the Services and their URLs";
    }
}

package dev.kumo.server.serving;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RoutingSink;
import dev.kumo.dataplane.api.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.WeightedTarget;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** Publishes every Route's resolved traffic to the router as one route table. */
final class RouterRouting implements RoutingSink {

    private final Router router;
    private final Map<NamespacedName, RouteRouting> routes = new LinkedHashMap<>();

    RouterRouting(Router router) {
        this.router = router;
    }

    @Override
    public synchronized void publish(RouteRouting routing) {
        routes.put(routing.route(), routing);
        router.update(table());
    }

    @Override
    public synchronized void remove(NamespacedName route) {
        routes.remove(route);
        router.update(table());
    }

    private RouteTable table() {
        RouteTable.Builder table = RouteTable.builder();
        Set<String> hosts = new HashSet<>();
        for (RouteRouting routing : routes.values()) {
            for (RouteRouting.HostRoute host : routing.hosts()) {
                if (!hosts.add(host.host().toLowerCase()) || host.targets().isEmpty()) {
                    continue; // a host claimed by an earlier Route keeps its first owner
                }
                table.host(host.host(), host.targets().stream().map(target -> new WeightedTarget(
                        new RevisionId(target.namespace(), target.revisionName()), target.percent())).toList());
                host.targets().forEach(target -> table.revision(
                        new RevisionId(target.namespace(), target.revisionName()),
                        new RevisionSettings((int) Math.max(1, target.timeoutSeconds()),
                                (int) target.containerConcurrency())));
            }
        }
        return table.build();
    }
}

package dev.kumo.serving;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RoutingSink;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.Router;
import dev.kumo.dataplane.api.WeightedTarget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes every Route's resolved traffic to the router as one route table, with each DomainMapping's domain
 * routed as its Route's main host, and gives each Route its loopback address on the router.
 */
final class RouterRouting implements RoutingSink {

    private final Router router;
    private final Map<NamespacedName, RouteRouting> routes = new LinkedHashMap<>();
    private final Map<NamespacedName, Integer> addresses = new HashMap<>();
    private final Map<NamespacedName, DomainHost> domains = new LinkedHashMap<>();
    private final Set<RevisionId> everRouted = ConcurrentHashMap.newKeySet();
    private volatile Set<RevisionId> routed = Set.of();

    RouterRouting(Router router) {
        this.router = router;
    }

    @Override
    public synchronized void publish(RouteRouting routing) {
        routes.put(routing.route(), routing);
        router.update(table());
    }

    @Override
    public synchronized int address(NamespacedName route, String host, int preferredPort) {
        return addresses.computeIfAbsent(route, r -> router.listen(host, preferredPort));
    }

    @Override
    public synchronized void remove(NamespacedName route) {
        routes.remove(route);
        router.update(table());
        Integer port = addresses.remove(route);
        if (port != null) {
            router.unlisten(port);
        }
    }

    @Override
    public synchronized void map(NamespacedName mapping, String host, NamespacedName route) {
        if (!new DomainHost(host, route).equals(domains.put(mapping, new DomainHost(host, route)))) {
            router.update(table());
        }
    }

    @Override
    public synchronized void unmap(NamespacedName mapping) {
        if (domains.remove(mapping) != null) {
            router.update(table());
        }
    }

    /**
     * Whether a route sends traffic to {@code revision} (Knative's reachability). A Revision never routed yet is
     * pending, which Knative treats as reachable too: it keeps its initial scale until it becomes ready and routed.
     */
    boolean reachable(RevisionId revision) {
        return routed.contains(revision) || !everRouted.contains(revision);
    }

    private RouteTable table() {
        Set<RevisionId> nowRouted = new HashSet<>();
        RouteTable table = build(nowRouted);
        everRouted.addAll(nowRouted);
        routed = Set.copyOf(nowRouted);
        return table;
    }

    private RouteTable build(Set<RevisionId> nowRouted) {
        RouteTable.Builder table = RouteTable.builder();
        Set<String> hosts = new HashSet<>();
        for (RouteRouting routing : routes.values()) {
            for (RouteRouting.HostRoute host : routing.hosts()) {
                if (!hosts.add(host.host().toLowerCase()) || host.targets().isEmpty()) {
                    continue; // a host claimed by an earlier Route keeps its first owner
                }
                table.host(host.host(), host.targets().stream().map(target -> new WeightedTarget(
                        new RevisionId(target.namespace(), target.revisionName()), target.percent())).toList());
                host.targets().stream().filter(target -> target.percent() > 0).forEach(target ->
                        nowRouted.add(new RevisionId(target.namespace(), target.revisionName())));
                host.targets().forEach(target -> table.revision(
                        new RevisionId(target.namespace(), target.revisionName()),
                        new RevisionSettings((int) Math.max(1, target.timeoutSeconds()),
                                (int) target.containerConcurrency(), target.h2c(),
                                (int) target.responseStartTimeoutSeconds(), (int) target.idleTimeoutSeconds())));
            }
        }
        for (DomainHost domain : domains.values()) {
            RouteRouting routing = routes.get(domain.route());
            if (routing == null || routing.hosts().isEmpty() || !hosts.add(domain.host().toLowerCase())
                    || routing.hosts().getFirst().targets().isEmpty()) {
                continue; // a Route's own host is never taken over by a domain
            }
            // The Route's main host already put its Revisions' settings and reachability in the table.
            table.host(domain.host(), routing.hosts().getFirst().targets().stream().map(target -> new WeightedTarget(
                    new RevisionId(target.namespace(), target.revisionName()), target.percent())).toList());
        }
        return table.build();
    }

    /** A DomainMapping's host, served as {@code route}'s main host. */
    private record DomainHost(String host, NamespacedName route) {
    }
}

package dev.kumo.controller.testing;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RoutingSink;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A data plane that only remembers what it was last told for each Route, and hands out addresses as the router
 * does: a route keeps its port; the port asked for when no other route has it or it is marked {@link #taken}; else
 * the next one from 30001.
 */
public final class RecordingRoutingSink implements RoutingSink {

    private final Map<NamespacedName, RouteRouting> routes = new ConcurrentHashMap<>();
    private final Map<NamespacedName, Integer> addresses = new ConcurrentHashMap<>();
    private final Map<NamespacedName, Map.Entry<String, NamespacedName>> domains = new ConcurrentHashMap<>();
    private final java.util.Set<Integer> taken = ConcurrentHashMap.newKeySet();
    private int next = 30_001;

    @Override
    public synchronized int address(NamespacedName route, String host, int preferredPort) {
        Integer held = addresses.get(route);
        if (held != null) {
            return held;
        }
        int port = preferredPort > 0 && !taken.contains(preferredPort) ? preferredPort : next++;
        while (taken.contains(port)) {
            port = next++;
        }
        addresses.put(route, port);
        taken.add(port);
        return port;
    }

    /** Something else listens on {@code port}. */
    public void taken(int port) {
        taken.add(port);
    }

    /** The port of {@code route}'s address, if it has one. */
    public Optional<Integer> address(String namespace, String name) {
        return Optional.ofNullable(addresses.get(new NamespacedName(namespace, name)));
    }

    @Override
    public void publish(RouteRouting routing) {
        routes.put(routing.route(), routing);
    }

    @Override
    public synchronized void remove(NamespacedName route) {
        routes.remove(route);
        Integer port = addresses.remove(route);
        if (port != null) {
            taken.remove(port);
        }
    }

    @Override
    public void map(NamespacedName mapping, String host, NamespacedName route) {
        domains.put(mapping, Map.entry(host, route));
    }

    @Override
    public void unmap(NamespacedName mapping) {
        domains.remove(mapping);
    }

    /** The Route whose host {@code host} is served as, by the mapping that maps it, if any. */
    public Optional<NamespacedName> domain(String host) {
        return domains.values().stream().filter(e -> e.getKey().equals(host)).map(Map.Entry::getValue).findFirst();
    }

    /** The domain and Route of the mapping {@code namespace/name}, if it is served. */
    public Optional<Map.Entry<String, NamespacedName>> mapping(String namespace, String name) {
        return Optional.ofNullable(domains.get(new NamespacedName(namespace, name)));
    }

    public Optional<RouteRouting> routing(String namespace, String name) {
        return Optional.ofNullable(routes.get(new NamespacedName(namespace, name)));
    }

    /** For each host: revision name → percent. */
    public Map<String, Map<String, Integer>> hosts(String namespace, String name) {
        Map<String, Map<String, Integer>> hosts = new java.util.LinkedHashMap<>();
        routing(namespace, name).ifPresent(r -> r.hosts().forEach(h -> {
            Map<String, Integer> targets = new java.util.LinkedHashMap<>();
            h.targets().forEach(t -> targets.put(t.revisionName(), t.percent()));
            hosts.put(h.host(), targets);
        }));
        return hosts;
    }
}

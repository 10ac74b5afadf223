package dev.kumo.controller.testing;

import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RoutingSink;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A data plane that only remembers what it was last told for each Route. */
public final class RecordingRoutingSink implements RoutingSink {

    private final Map<NamespacedName, RouteRouting> routes = new ConcurrentHashMap<>();

    @Override
    public void publish(RouteRouting routing) {
        routes.put(routing.route(), routing);
    }

    @Override
    public void remove(NamespacedName route) {
        routes.remove(route);
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

package dev.kumo.dataplane.router;

import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.WeightedTarget;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** A {@link RouteTable} compiled for the request path: host → pickable targets with their gates. */
final class Routes {

    private static final int HOSTS_IN_MESSAGE = 20;

    private final Map<String, HostRoute> byHost;
    private final String knownHosts;

    private Routes(Map<String, HostRoute> byHost) {
        this.byHost = byHost;
        List<String> sorted = List.copyOf(new TreeSet<>(byHost.keySet()));
        String listed = String.join(", ", sorted.subList(0, Math.min(HOSTS_IN_MESSAGE, sorted.size())));
        this.knownHosts = sorted.isEmpty() ? "(none)"
                : sorted.size() > HOSTS_IN_MESSAGE ? listed + ", … (" + sorted.size() + " in all)" : listed;
    }

    static Routes compile(RouteTable table, Gates gates) {
        Map<String, HostRoute> byHost = new HashMap<>();
        Set<dev.kumo.dataplane.api.RevisionId> routed = new HashSet<>();
        for (String host : table.hosts()) {
            List<WeightedTarget> targets = table.targets(host).orElseThrow();
            int[] percents = new int[targets.size()];
            RevisionTarget[] compiled = new RevisionTarget[targets.size()];
            for (int i = 0; i < percents.length; i++) {
                WeightedTarget target = targets.get(i);
                percents[i] = target.percent();
                var settings = table.settings(target.revision());
                Gates.Entry entry = gates.entryFor(target.revision(), settings);
                compiled[i] = new RevisionTarget(target.revision(), settings, entry.gate(), entry.stats());
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

    String notFoundMessage(String host) {
        return "no Kumo route for host \"" + host + "\"; known hosts: " + knownHosts;
    }
}

package dev.kumo.controller.route.resources;

import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.api.serving.defaults.ServingDefaults;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.route.RouteRouting;
import dev.kumo.controller.route.RouteRouting.HostRoute;
import dev.kumo.controller.route.RouteRouting.RevisionTarget;
import dev.kumo.controller.route.RouteUrls;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a Route's status traffic and its routing table from its resolved targets. */
public final class MakeTraffic {

    /** Knative's port name for a workload that speaks HTTP/2 without TLS. */
    private static final String H2C = "h2c";

    private MakeTraffic() {
    }

    /** One status entry per spec target: the resolved Revision, the share, and a URL for tagged ones. */
    public static List<TrafficTarget> status(NamespacedName route, List<ResolvedTarget> targets, RouteUrls urls) {
        return targets.stream().map(t -> new TrafficTarget(t.target().tag(), t.revisionName(), null,
                t.latestRevision(), t.percent(),
                t.target().tagName().map(tag -> urls.url(urls.tagHost(tag, route))).orElse(null))).toList();
    }

    /** The main host split over every Revision with a share, then each tag's host with all of its Revision. */
    public static RouteRouting routing(NamespacedName route, List<ResolvedTarget> targets, RouteUrls urls) {
        Map<String, ResolvedTarget> byRevision = new LinkedHashMap<>();
        Map<String, Long> percents = new LinkedHashMap<>();
        for (ResolvedTarget target : targets) {
            if (target.percent() > 0) {
                byRevision.putIfAbsent(target.revisionName(), target);
                percents.merge(target.revisionName(), target.percent(), Long::sum);
            }
        }
        List<HostRoute> hosts = new ArrayList<>();
        hosts.add(new HostRoute(urls.host(route), byRevision.values().stream()
                .map(t -> revisionTarget(route, t, percents.get(t.revisionName()))).toList()));
        for (ResolvedTarget target : targets) {
            target.target().tagName().ifPresent(tag -> hosts.add(new HostRoute(urls.tagHost(tag, route),
                    List.of(revisionTarget(route, target, 100)))));
        }
        return new RouteRouting(route, hosts);
    }

    private static RevisionTarget revisionTarget(NamespacedName route, ResolvedTarget target, long percent) {
        RevisionSpec spec = target.revision().spec();
        long timeout = spec != null && spec.timeoutSeconds() != null ? spec.timeoutSeconds()
                : ServingDefaults.KNATIVE.revisionTimeoutSeconds();
        long concurrency = spec != null && spec.containerConcurrency() != null ? spec.containerConcurrency()
                : ServingDefaults.KNATIVE.containerConcurrency();
        return new RevisionTarget(route.namespace(), target.revisionName(), (int) percent, timeout, concurrency,
                h2c(spec), orZero(spec == null ? null : spec.responseStartTimeoutSeconds()),
                orZero(spec == null ? null : spec.idleTimeoutSeconds()));
    }

    private static long orZero(Long seconds) {
        return seconds == null ? 0 : seconds;
    }

    /** Whether the serving container's (the one with a port) first port is named {@code h2c}, as Knative reads it. */
    static boolean h2c(RevisionSpec spec) {
        if (spec == null || spec.containers() == null) {
            return false;
        }
        return spec.containers().stream().filter(c -> c.ports() != null && !c.ports().isEmpty()).findFirst()
                .map(c -> H2C.equals(c.ports().get(0).name())).orElse(false);
    }
}

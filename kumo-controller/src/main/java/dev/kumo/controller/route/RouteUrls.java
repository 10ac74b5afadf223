package dev.kumo.controller.route;

import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.Visibility;
import dev.kumo.controller.engine.NamespacedName;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How Routes are reached: by people at {@code http://{name}.{namespace}.{domain}} and, per tag,
 * {@code http://{tag}-{name}.{namespace}.{domain}}, with the ingress port appended when it is not 80
 * ({@code status.url}); by programs at {@code http://127.0.0.1:{port}}, the Route's own loopback port on the router
 * ({@code status.address.url}, as Knative's cluster-local address): {@code *.localhost} names do not resolve through
 * glibc, so a plain HTTP client in a workload could not reach the first. A cluster-local Route
 * ({@link Visibility}) is not served at the first: its names end in {@code svc.cluster.local}, as in Knative.
 */
public record RouteUrls(String domain, int ingressPort) {

    private static final Pattern ADDRESS = Pattern.compile("http://127\\.0\\.0\\.1:(\\d{1,5})");

    /** Domain {@code localhost}, port 80. */
    public static final RouteUrls DEFAULT = new RouteUrls("localhost", 80);

    /** A cluster-local Route's names, as Knative gives them: {@code {name}.{namespace}.svc.cluster.local}. */
    public static final RouteUrls CLUSTER_LOCAL = new RouteUrls("svc.cluster.local", 80);

    public RouteUrls {
        if (domain == null || domain.isBlank() || ingressPort < 1 || ingressPort > 65535) {
            throw new IllegalArgumentException("route URLs need a domain and a port in 1-65535, got \"" + domain
                    + "\" and " + ingressPort);
        }
    }

    /** The names {@code route} is reached at: these, or {@link #CLUSTER_LOCAL}'s when its label says so. */
    public RouteUrls of(Route route) {
        return Visibility.clusterLocal(route.metadata()) ? CLUSTER_LOCAL : this;
    }

    public String host(NamespacedName route) {
        return route.name() + "." + route.namespace() + "." + domain;
    }

    public String tagHost(String tag, NamespacedName route) {
        return tag + "-" + host(route);
    }

    public String url(String host) {
        return "http://" + host + (ingressPort == 80 ? "" : ":" + ingressPort);
    }

    /** The address of a Route served on loopback {@code port}. */
    public static String address(int port) {
        return "http://127.0.0.1:" + port;
    }

    /** The port of an {@link #address}, 0 for anything else (none yet, or an older server's name-based one). */
    public static int addressPort(String url) {
        Matcher matcher = url == null ? null : ADDRESS.matcher(url);
        if (matcher == null || !matcher.matches()) {
            return 0;
        }
        int port = Integer.parseInt(matcher.group(1));
        return port <= 65535 ? port : 0;
    }
}

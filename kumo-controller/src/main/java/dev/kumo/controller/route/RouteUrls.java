package dev.kumo.controller.route;

import dev.kumo.controller.engine.NamespacedName;

/**
 * How Routes are reached: {@code http://{name}.{namespace}.{domain}} and, per tag,
 * {@code http://{tag}-{name}.{namespace}.{domain}}, with the ingress port appended when it is not 80.
 */
public record RouteUrls(String domain, int ingressPort) {

    /** Domain {@code localhost}, port 80. */
    public static final RouteUrls DEFAULT = new RouteUrls("localhost", 80);

    public RouteUrls {
        if (domain == null || domain.isBlank() || ingressPort < 1 || ingressPort > 65535) {
            throw new IllegalArgumentException("route URLs need a domain and a port in 1-65535, got \"" + domain
                    + "\" and " + ingressPort);
        }
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
}

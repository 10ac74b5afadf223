package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Picks how the request reaches its instance: an HTTP/1.1 Upgrade (WebSocket, see {@link #asksToUpgrade}) or a
 * CONNECT as a tunnel ({@link UpgradeProxy}: the instance's connection is never pooled after it),
 * a request to a revision whose port is named {@code h2c} over HTTP/2 ({@link H2cProxy}), every other request over
 * HTTP/1.1 by the next stage ({@link Proxy}), as Knative picks the protocol by the container port's name.
 */
final class ProtocolSwitch implements Stage {

    private final UpgradeProxy upgrade;
    private final H2cProxy h2c;

    ProtocolSwitch(UpgradeProxy upgrade, H2cProxy h2c) {
        this.upgrade = upgrade;
        this.h2c = h2c;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        HttpServerRequest request = exchange.request();
        if (request.version() != HttpVersion.HTTP_2 && (HttpMethod.CONNECT.equals(request.method())
                || request.headers().contains(HttpHeaders.UPGRADE) && asksToUpgrade(request))) {
            upgrade.handle(exchange, next);
        } else if (exchange.target().settings().h2c()) {
            h2c.handle(exchange, next);
        } else {
            next.proceed(exchange);
        }
    }

    /**
     * An Upgrade counts when the Connection header lists it (RFC 9110 §7.8), the request has no body (a WebSocket
     * handshake has none) and it is not to h2c (the router's own business: ignored when its listener is HTTP/1.1
     * only, as RFC 9110 lets a server ignore an Upgrade). Every other Upgrade header is dropped as hop-by-hop.
     */
    static boolean asksToUpgrade(HttpServerRequest request) {
        String connection = request.getHeader(HttpHeaders.CONNECTION);
        String protocol = request.getHeader(HttpHeaders.UPGRADE);
        return connection != null && ForwardingHeaders.listedIn(connection, "upgrade")
                && !ForwardingHeaders.listedIn(protocol, "h2c") && !RequestBody.present(request);
    }
}

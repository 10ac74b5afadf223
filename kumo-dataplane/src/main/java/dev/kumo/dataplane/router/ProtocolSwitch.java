package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;

/**
 * Picks how the request reaches its instance: an HTTP/1.1 Upgrade (WebSocket) as a tunnel ({@link UpgradeProxy}),
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
        if (request.version() != HttpVersion.HTTP_2 && request.headers().contains(HttpHeaders.UPGRADE)) {
            upgrade.handle(exchange, next);
        } else if (exchange.target().settings().h2c()) {
            h2c.handle(exchange, next);
        } else {
            next.proceed(exchange);
        }
    }
}

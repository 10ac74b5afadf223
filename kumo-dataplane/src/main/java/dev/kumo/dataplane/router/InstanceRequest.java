package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import java.util.function.BiConsumer;

/**
 * Opens the request to the exchange's leased instance for a protocol proxy ({@link H2cProxy}, {@link UpgradeProxy}):
 * a failed connection (nothing sent) goes to the retry stage, one that came too late is reset, otherwise
 * {@code forward} takes it on.
 */
final class InstanceRequest {

    /** What the forwarding headers say the client spoke to the router. */
    static final String PROTO = "http";

    private InstanceRequest() {
    }

    static void open(HttpClient client, Exchange exchange, BiConsumer<Exchange, HttpClientRequest> forward) {
        HttpServerRequest request = exchange.request();
        Instance instance = exchange.instance();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.uri())
                .setHost(instance.address.host()).setPort(instance.address.port());
        exchange.proxyStarting();
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                exchange.connectFailed(connected.cause());
            } else if (exchange.isDone()) {
                connected.result().reset();
            } else {
                forward.accept(exchange, connected.result());
            }
        });
    }

    /** Copies the client's headers to {@code out} with the forwarding headers; returns the client's host. */
    static String copyHeaders(Exchange exchange, HttpClientRequest out) {
        HttpServerRequest request = exchange.request();
        String host = exchange.host();
        ForwardingHeaders.copyRequest(request.headers(), out.headers(), request.remoteAddress().hostAddress(),
                host == null ? "" : host, PROTO);
        exchange.injectTrace(out.headers());
        return host;
    }
}

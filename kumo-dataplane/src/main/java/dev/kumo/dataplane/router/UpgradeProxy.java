package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;

/**
 * Passes an HTTP/1.1 Upgrade (a WebSocket handshake) to the leased instance and, once it answers 101, joins the
 * two connections byte for byte until either side closes (Vert.x's tunnel support: the client request's
 * {@code connect()}, the server request's {@code toNetSocket()}). The request stays in flight, holding its lease,
 * for as long as the tunnel is open, so an open WebSocket counts towards the revision's load as Knative counts it.
 * An instance that declines the upgrade has its answer relayed as any other.
 */
final class UpgradeProxy implements Stage {

    private final HttpClient client;

    /** {@code client} speaks HTTP/1.1 and belongs to this event loop. */
    UpgradeProxy(HttpClient client) {
        this.client = client;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        InstanceRequest.open(client, exchange, UpgradeProxy::forward);
    }

    private static void forward(Exchange exchange, HttpClientRequest out) {
        HttpServerRequest request = exchange.request();
        InstanceRequest.copyHeaders(exchange, out);
        out.putHeader(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE)
                .putHeader(HttpHeaders.UPGRADE, request.getHeader(HttpHeaders.UPGRADE));
        boolean[] settled = {false};
        exchange.onDone(() -> {
            if (!settled[0]) {
                out.reset();
            }
        });
        out.connect().onComplete(answered -> {
            if (exchange.isDone()) {
                if (answered.succeeded() && answered.result().statusCode() == 101) {
                    answered.result().netSocket().close();
                }
                return;
            }
            if (answered.failed()) {
                exchange.fail(502, "revision " + exchange.target().revision() + " instance " + exchange.instance()
                        + " failed the upgrade: " + answered.cause().getMessage());
                return;
            }
            HttpClientResponse in = answered.result();
            exchange.responseStarted(in.statusCode());
            if (in.statusCode() != 101) {
                Proxy.respond(exchange, in, settled); // declined: an ordinary answer
                request.resume();
                return;
            }
            settled[0] = true;
            tunnel(exchange, in);
        });
    }

    /** Answers the client's upgrade with the instance's 101 and joins the two sockets. */
    private static void tunnel(Exchange exchange, HttpClientResponse in) {
        NetSocket instance = in.netSocket();
        HttpServerResponse response = exchange.request().response();
        ForwardingHeaders.copyResponse(in.headers(), response.headers());
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE)
                .putHeader(HttpHeaders.UPGRADE, in.getHeader(HttpHeaders.UPGRADE));
        exchange.request().toNetSocket().onComplete(switched -> {
            if (switched.failed()) {
                instance.close();
                exchange.abort();
                return;
            }
            NetSocket client = switched.result();
            client.closeHandler(v -> {
                instance.close();
                exchange.complete();
            });
            instance.closeHandler(v -> client.close());
            client.pipeTo(instance);
            instance.pipeTo(client);
        });
    }
}

package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.net.NetSocket;

/**
 * Passes an HTTP/1.1 Upgrade (a WebSocket handshake) or a CONNECT to the leased instance and, once it answers 101
 * (a CONNECT: 2xx), joins the two connections byte for byte until either side closes (Vert.x's tunnel support: the client request's
 * {@code connect()}, the server request's {@code toNetSocket()}). The request stays in flight, holding its lease,
 * for as long as the tunnel is open, so an open WebSocket counts towards the revision's load as Knative counts it.
 * An instance that declines the upgrade has its answer relayed as any other. (A CONNECT sent as an ordinary request
 * would leave the instance's connection a tunnel in the client pool, and an unrelated request after it a 502.)
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
        boolean connect = HttpMethod.CONNECT.equals(request.method());
        if (!connect) {
            out.putHeader(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE)
                    .putHeader(HttpHeaders.UPGRADE, request.getHeader(HttpHeaders.UPGRADE));
        }
        boolean[] settled = {false};
        exchange.onDone(() -> {
            if (!settled[0]) {
                out.reset();
            }
        });
        out.connect().onComplete(answered -> {
            if (exchange.isDone()) {
                if (answered.succeeded() && switched(connect, answered.result().statusCode())) {
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
            if (!switched(connect, in.statusCode())) {
                Proxy.respond(exchange, in, settled); // declined: an ordinary answer
                request.resume();
                return;
            }
            settled[0] = true;
            exchange.tunnelled();
            tunnel(exchange, in, connect);
        });
    }

    /** Whether the instance's answer made its connection a tunnel (Vert.x's client reads it so too). */
    private static boolean switched(boolean connect, int status) {
        return connect ? status / 100 == 2 : status == 101;
    }

    /** Answers the client's upgrade with the instance's 101 (a CONNECT: 200) and joins the two sockets. */
    private static void tunnel(Exchange exchange, HttpClientResponse in, boolean connect) {
        NetSocket instance = in.netSocket();
        HttpServerResponse response = exchange.request().response();
        ForwardingHeaders.copyResponse(in.headers(), response.headers());
        if (!connect) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.UPGRADE)
                    .putHeader(HttpHeaders.UPGRADE, in.getHeader(HttpHeaders.UPGRADE));
        }
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
            TunnelHalfClose.install(client, in.request().connection());
            client.pipeTo(instance);
            instance.pipeTo(client);
        });
    }
}

package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.net.HostAndPort;

/**
 * Forwards the request over HTTP/2 with prior knowledge (h2c) to an instance whose port is named {@code h2c}, as
 * Knative does for gRPC: the client's host goes as {@code :authority}, {@code TE: trailers} passes, both bodies
 * stream with backpressure and the response's trailers (gRPC's {@code grpc-status}) follow its body.
 */
final class H2cProxy implements Stage {

    private static final String TE = "TE";
    private static final String TRAILERS = "trailers";

    private final HttpClient client;

    /** {@code client} speaks h2c with prior knowledge and belongs to this event loop. */
    H2cProxy(HttpClient client) {
        this.client = client;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        InstanceRequest.open(client, exchange, H2cProxy::forward);
    }

    private static void forward(Exchange exchange, HttpClientRequest out) {
        HttpServerRequest request = exchange.request();
        String host = InstanceRequest.copyHeaders(exchange, out);
        out.headers().remove(HttpHeaders.HOST);
        if (host != null && !host.isEmpty()) {
            out.authority(HostAndPort.parseAuthority(host, -1));
        }
        String te = request.getHeader(TE);
        if (te != null && ForwardingHeaders.listedIn(te, TRAILERS)) {
            out.putHeader(TE, TRAILERS); // the one TE value HTTP/2 allows; gRPC servers expect it
        }
        if (!request.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
            out.setChunked(true); // HTTP/2 frames the body itself; Vert.x wants a length or this to write it
        }
        boolean[] responseEnded = {false};
        exchange.onDone(() -> {
            if (!responseEnded[0]) {
                out.reset(); // mid-exchange: cancel this stream only
            }
        });
        out.response().onComplete(answered -> {
            if (exchange.isDone()) {
                return;
            }
            if (answered.failed()) {
                exchange.fail(502, "revision " + exchange.target().revision() + " instance " + exchange.instance()
                        + " failed: " + answered.cause().getMessage());
                return;
            }
            exchange.responseStarted(answered.result().statusCode());
            respond(exchange, answered.result(), responseEnded);
        });
        request.pipe().endOnFailure(false).to(out).onFailure(cause -> exchange.abort());
    }

    private static void respond(Exchange exchange, HttpClientResponse in, boolean[] responseEnded) {
        HttpServerRequest request = exchange.request();
        HttpServerResponse response = request.response();
        response.setStatusCode(in.statusCode());
        ForwardingHeaders.copyResponse(in.headers(), response.headers());
        if (!response.headers().contains(HttpHeaders.CONTENT_LENGTH)
                && Proxy.mayHaveBody(request.method(), in.statusCode()) && request.version() != HttpVersion.HTTP_2) {
            response.setChunked(true);
        }
        in.handler(chunk -> {
            response.write(chunk);
            exchange.wrote();
            if (response.writeQueueFull()) {
                in.pause();
                response.drainHandler(v -> in.resume());
            }
        });
        in.exceptionHandler(cause -> exchange.abort());
        in.endHandler(v -> {
            if (!in.trailers().isEmpty()) { // an empty trailers block would hide a trailers-only gRPC status
                ForwardingHeaders.copyResponse(in.trailers(), response.trailers());
            }
            response.end().onComplete(ended -> {
                if (ended.succeeded()) {
                    responseEnded[0] = true;
                    exchange.complete();
                } else {
                    exchange.abort();
                }
            });
        });
    }
}

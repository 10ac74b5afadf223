package dev.kumo.dataplane.router;

import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * Forwards the request to the leased instance and the response back, streaming both bodies with backpressure
 * (Vert.x pipes pause the source while the destination's write queue is full), never holding a whole body.
 */
final class Proxy implements Stage {

    private static final String PROTO = "http";

    private final HttpClient client;

    /** {@code client} pools keep-alive connections per instance; it must belong to this event loop. */
    Proxy(HttpClient client) {
        this.client = client;
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        HttpServerRequest request = exchange.request();
        Instance instance = exchange.instance();
        RequestOptions options = new RequestOptions().setMethod(request.method()).setURI(request.uri())
                .setHost(instance.address.host()).setPort(instance.address.port()).setServer(instance.server);
        exchange.proxyStarting();
        client.request(options).onComplete(connected -> {
            if (connected.failed()) {
                exchange.connectFailed(connected.cause()); // nothing was sent: safe to try another instance
            } else if (exchange.isDone()) {
                connected.result().reset(); // timed out or client left while connecting
            } else {
                exchange.coldStartStage("connected");
                forward(exchange, connected.result());
            }
        });
    }

    private static void forward(Exchange exchange, HttpClientRequest out) {
        HttpServerRequest request = exchange.request();
        String host = exchange.host();
        if (request.version() == HttpVersion.HTTP_2 && host != null) {
            out.putHeader(HttpHeaders.HOST, host); // HTTP/2's :authority becomes the instance's Host
        }
        ForwardingHeaders.copyRequest(request.headers(), out.headers(), request.remoteAddress().hostAddress(),
                host == null ? "" : host, PROTO);
        exchange.injectTrace(out.headers());
        if (RequestBody.chunked(request) || RequestBody.unframed(request)) {
            out.setChunked(true);
        }
        boolean[] responseEnded = {false};
        exchange.onDone(() -> {
            if (!responseEnded[0]) {
                out.reset(); // the backend connection is mid-exchange: close it rather than pool it
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
            exchange.coldStartStage("response");
            exchange.responseStarted(answered.result().statusCode());
            respond(exchange, answered.result(), responseEnded);
        });
        if (request.version() != HttpVersion.HTTP_2 && !RequestBody.present(request)) {
            // Performance: an HTTP/1.1 request without a body (most) ends at once, without a pipe's handlers and
            // promises; resumed, Vert.x reads the head's end so the client connection's next request can follow.
            out.end(ended -> {
                if (ended.failed()) {
                    exchange.abort();
                }
            });
            request.resume();
        } else {
            request.pipe().endOnFailure(false).to(out).onFailure(cause -> exchange.abort());
        }
    }

    /** Relays the response head and streams its body to the client; {@code responseEnded[0]} once all went. */
    static void respond(Exchange exchange, HttpClientResponse in, boolean[] responseEnded) {
        HttpServerRequest request = exchange.request();
        HttpServerResponse response = request.response();
        response.setStatusCode(in.statusCode()).setStatusMessage(in.statusMessage());
        ForwardingHeaders.copyResponse(in.headers(), response.headers());
        boolean unframed = !response.headers().contains("Content-Length")
                && mayHaveBody(request.method(), in.statusCode());
        if (unframed && request.version() == HttpVersion.HTTP_1_1) {
            response.setChunked(true);
        }
        // HTTP/1.0 has no chunks: the close ends the body, even on a connection the client kept alive.
        boolean closeAfter = unframed && request.version() == HttpVersion.HTTP_1_0;
        in.pipe().endOnFailure(false).to(exchange.isWatched() ? new WriteNotice(response, exchange) : response)
                .onComplete(piped -> {
            if (piped.succeeded()) {
                responseEnded[0] = true;
                exchange.complete();
                if (closeAfter) {
                    request.connection().close();
                }
            } else {
                exchange.abort();
            }
        });
    }

    static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }
}

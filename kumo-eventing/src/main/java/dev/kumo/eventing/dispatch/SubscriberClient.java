package dev.kumo.eventing.dispatch;

import dev.kumo.eventing.api.DeliveryEngine;
import dev.kumo.eventing.http.BinaryMode;
import dev.kumo.eventing.http.Posts;
import dev.kumo.eventing.http.TraceContext;
import io.cloudevents.CloudEvent;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Sends one event in binary mode over a pooled keep-alive HTTP/1.1 client and classifies the answer. A plain-HTTP
 * destination (every delivery on loopback) goes through Vert.x's core client; https and the rest through the web
 * client wrapped around the same pool, which parses and expands the URI of every request it sends — a cost the core
 * client does not have.
 */
final class SubscriberClient implements AutoCloseable {

    private static final String USER_AGENT = "kumo-eventing";

    private final HttpClient http;
    private final WebClient web;
    private final Optional<WireClient> wire;

    /** The client; plain-HTTP deliveries on {@code engine}. */
    SubscriberClient(Vertx vertx, int maxConnectionsPerHost, DeliveryEngine engine) {
        WebClientOptions options = new WebClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setMaxPoolSize(maxConnectionsPerHost).setFollowRedirects(false).setUserAgent(USER_AGENT);
        this.http = vertx.createHttpClient(options);
        this.web = WebClient.wrap(http, options);
        this.wire = engine == DeliveryEngine.NETTY ? WireClient.on(vertx, maxConnectionsPerHost) : Optional.empty();
    }

    /**
     * One attempt; {@code preferReply} adds {@code Prefer: reply} and reads a reply from a 200; never fails (errors
     * become an {@link Outcome}).
     */
    Future<Outcome> send(URI target, CloudEvent event, Duration timeout, boolean preferReply) {
        long timeoutMillis = Math.max(1, timeout.toMillis());
        Optional<RequestOptions> plain = Posts.plain(target);
        Future<Outcome> sent;
        if (plain.isEmpty()) {
            sent = sendOther(Posts.to(web, target).timeout(timeoutMillis), event, preferReply);
        } else if (wire.isPresent() && WireClient.reaches(plain.get())) {
            sent = sendWire(wire.get(), plain.get(), event, timeoutMillis, preferReply);
        } else {
            sent = sendPlain(plain.get().setTimeout(timeoutMillis), event, preferReply);
        }
        return sent.otherwise(Outcome::ofError);
    }

    /**
     * The response's body is asked for before the request is ended: with {@code request.send(body)} it was asked for
     * only once {@code send} had returned, and on a send from a thread outside Vert.x (a Trigger's pump, the log's
     * writer) a fast subscriber's body could arrive first and be dropped — a reply read as an event without data,
     * stored and sent on (SubscriberClientIT; SequenceKillNineIT under load).
     */
    private Future<Outcome> sendPlain(RequestOptions options, CloudEvent event, boolean preferReply) {
        return http.request(options).compose(request -> {
            MultiMap headers = request.headers();
            headers.set("User-Agent", USER_AGENT);
            if (preferReply) {
                headers.set("Prefer", "reply");
            }
            Buffer body;
            try {
                TraceContext.propagate(event, headers);
                body = BinaryMode.write(event, headers);
            } catch (RuntimeException e) {
                request.reset(0, e); // the pooled connection back now, not at the timeout
                return Future.failedFuture(e);
            }
            Future<Outcome> outcome = request.response().compose(response -> response.body()
                    .map(received -> classify(response, received, preferReply)));
            request.end(body);
            return outcome;
        });
    }

    /** The same request as {@link #sendPlain}'s, on the Netty client. */
    private static Future<Outcome> sendWire(WireClient client, RequestOptions options, CloudEvent event,
            long timeoutMillis, boolean preferReply) {
        MultiMap headers = HttpHeaders.headers(); // validating, as a Vert.x request's
        byte[] body;
        try {
            headers.set("User-Agent", USER_AGENT);
            if (preferReply) {
                headers.set("Prefer", "reply");
            }
            TraceContext.propagate(event, headers);
            body = BinaryMode.write(event, headers).getBytes();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
        int port = options.getPort();
        String host = options.getHost();
        String connectTo = options.getServer() instanceof SocketAddress server ? server.host() : host;
        InetSocketAddress address = new InetSocketAddress(connectTo, port); // an IP literal: no lookup
        String authority = port == 80 ? host : host + ":" + port;
        return client.send(address, host + ":" + port,
                new WireRequest(authority, options.getURI(), headers, body), timeoutMillis, preferReply);
    }

    private static Future<Outcome> sendOther(HttpRequest<Buffer> request, CloudEvent event, boolean preferReply) {
        if (preferReply) {
            request.putHeader("Prefer", "reply");
        }
        TraceContext.propagate(event, request);
        return BinaryMode.send(request, event).map(response -> Outcome.ofResponse(response.statusCode(),
                response.headers(), response.bodyAsBuffer() == null ? Buffer.buffer() : response.bodyAsBuffer(),
                preferReply));
    }

    private static Outcome classify(HttpClientResponse response, Buffer body, boolean preferReply) {
        return Outcome.ofResponse(response.statusCode(), response.headers(), body, preferReply);
    }

    @Override
    public void close() {
        wire.ifPresent(WireClient::close);
        web.close();
        http.close();
    }
}

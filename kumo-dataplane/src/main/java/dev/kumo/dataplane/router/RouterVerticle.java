package dev.kumo.dataplane.router;

import dev.kumo.http.ClientGuard;
import dev.kumo.http.ErrorAnswer;
import dev.kumo.http.ListenerLimits;
import io.opentelemetry.api.OpenTelemetry;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * One event loop's share of the router: an HTTP server and its own client to the instances. Performance: one
 * verticle per event loop, each with its own client, keeps a request and its backend connection on the same
 * thread (no cross-thread hand-off), while Vert.x spreads accepted connections over the verticles' servers.
 */
final class RouterVerticle extends AbstractVerticle {

    /** Connections per instance per event loop; containerConcurrency bounds them further. */
    private static final int MAX_CONNECTIONS_PER_INSTANCE = 1000;

    /** HTTP/2 connections per h2c instance per event loop: each multiplexes many streams. */
    private static final int H2C_CONNECTIONS_PER_INSTANCE = 4;

    private final String host;
    private final int port;
    private final ListenerLimits limits;
    private final Supplier<Routes> routes;
    private final int loop;
    private final boolean h2c;
    private final OpenTelemetry openTelemetry;
    private final boolean proxied;
    /** The relayed connections that have had their first request (weak: a closed one goes with the GC). */
    private final Map<HttpConnection, Boolean> relayed = new WeakHashMap<>();
    private Chain chain;
    private HttpServerOptions ingressOptions;
    private HttpServer server;

    /**
     * The verticle of event loop number {@code loop} (0-based), serving {@code host:port} over HTTP/1.1, and h2c
     * too when {@code h2c}; {@code proxied}: the server is the Netty front's internal listener, each connection
     * opening with a PROXY protocol line that carries the client's address.
     */
    RouterVerticle(String host, int port, ListenerLimits limits, boolean h2c, Supplier<Routes> routes, int loop,
            OpenTelemetry openTelemetry, boolean proxied) {
        this.proxied = proxied;
        this.openTelemetry = openTelemetry;
        this.host = host;
        this.port = port;
        this.limits = limits;
        this.h2c = h2c;
        this.routes = routes;
        this.loop = loop;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpClientOptions http1 = new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true).setKeepAliveTimeout(60).setTcpNoDelay(true).setConnectTimeout(2000)
                .setDecompressionSupported(false).setPipelining(false);
        HttpClient client = vertx.httpClientBuilder().with(http1)
                .with(new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_INSTANCE).setMaxWaitQueueSize(-1))
                .withConnectHandler(connection -> LenientResponseLines.install(connection, http1)).build();
        // Prior knowledge, as Knative's proxies speak to a port named h2c; created empty, it connects on first use.
        HttpClient h2cClient = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_2)
                        .setHttp2ClearTextUpgrade(false).setKeepAlive(true).setHttp2KeepAliveTimeout(60)
                        .setTcpNoDelay(true).setConnectTimeout(2000).setDecompressionSupported(false),
                new PoolOptions().setHttp2MaxSize(H2C_CONNECTIONS_PER_INSTANCE).setMaxWaitQueueSize(-1));
        chain = Pipeline.compose(routes, client, h2cClient, openTelemetry);
        HttpServerOptions options = new HttpServerOptions().setHost(host).setPort(port).setTcpNoDelay(true)
                .setCompressionSupported(false).setDecompressionSupported(false)
                .setHandle100ContinueAutomatically(false);
        // HTTP/1.1 only, or HTTP/1.1 and h2c (prior knowledge and Upgrade): see ClientGuard for how each is guarded.
        ingressOptions = h2c ? ClientGuard.optionsWithH2c(options, limits) : ClientGuard.options(options);
        server = guard(vertx.createHttpServer(new HttpServerOptions(ingressOptions).setUseProxyProtocol(proxied)));
        server.requestHandler(request -> handle(request, null));
        server.listen().<Void>mapEmpty().onComplete(started);
    }

    /**
     * Listens on {@code 127.0.0.1:port} (0: any free port) on this verticle's event loop for the route of
     * {@code host} alone: requests there take that route whatever their Host says. Call from any thread.
     */
    Future<HttpServer> listenFor(String host, int port) {
        Promise<HttpServer> listening = Promise.promise();
        context.runOnContext(v -> {
            // The same options as the ingress server, so whatever the ingress enforces holds here too.
            HttpServer address = guard(vertx.createHttpServer(new HttpServerOptions(ingressOptions)
                    .setHost(RouteAddresses.LOOPBACK).setPort(port)));
            address.requestHandler(request -> handle(request, host));
            address.listen().onComplete(listening);
        });
        return listening.future();
    }

    private HttpServer guard(HttpServer server) {
        return h2c ? ClientGuard.installWithH2c(server, limits, ErrorAnswer.TEXT)
                : ClientGuard.install(server, limits, ErrorAnswer.TEXT);
    }

    private void handle(HttpServerRequest request, String addressedHost) {
        request.pause(); // the body waits until an instance is leased and connected
        Exchange exchange = new Exchange(request, context, loop, addressedHost);
        if (proxied) {
            exchange.frontRoll(FrontPick.take(request, relayed.put(request.connection(), Boolean.TRUE) == null));
        }
        request.response().closeHandler(v -> exchange.abort());
        chain.proceed(exchange);
    }

    int actualPort() {
        return server.actualPort();
    }

    int loop() {
        return loop;
    }

    /** The event loop this verticle's requests run on. */
    io.vertx.core.Context loopContext() {
        return context;
    }
}

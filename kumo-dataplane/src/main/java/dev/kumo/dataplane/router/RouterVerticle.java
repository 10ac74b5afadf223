package dev.kumo.dataplane.router;

import dev.kumo.http.ClientGuard;
import dev.kumo.http.ErrorAnswer;
import dev.kumo.http.ListenerLimits;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Promise;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.PoolOptions;
import java.util.function.Supplier;

/**
 * One event loop's share of the router: an HTTP server and its own client to the instances. Performance: one
 * verticle per event loop, each with its own client, keeps a request and its backend connection on the same
 * thread (no cross-thread hand-off), while Vert.x spreads accepted connections over the verticles' servers.
 */
final class RouterVerticle extends AbstractVerticle {

    /** Connections per instance per event loop; containerConcurrency bounds them further. */
    private static final int MAX_CONNECTIONS_PER_INSTANCE = 1000;

    private final String host;
    private final int port;
    private final ListenerLimits limits;
    private final Supplier<Routes> routes;
    private final int loop;
    private HttpServer server;

    /** The verticle of event loop number {@code loop} (0-based), serving {@code host:port}. */
    RouterVerticle(String host, int port, ListenerLimits limits, Supplier<Routes> routes, int loop) {
        this.host = host;
        this.port = port;
        this.limits = limits;
        this.routes = routes;
        this.loop = loop;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setProtocolVersion(HttpVersion.HTTP_1_1)
                        .setKeepAlive(true).setKeepAliveTimeout(60).setTcpNoDelay(true).setConnectTimeout(2000)
                        .setDecompressionSupported(false).setPipelining(false),
                new PoolOptions().setHttp1MaxSize(MAX_CONNECTIONS_PER_INSTANCE).setMaxWaitQueueSize(-1));
        Chain chain = Pipeline.compose(routes, vertx, client);
        // HTTP/1.1 only (h2c off, see ClientGuard): the router proxies HTTP/1.1 to its instances.
        server = ClientGuard.install(vertx.createHttpServer(ClientGuard.options(new HttpServerOptions().setHost(host)
                .setPort(port).setTcpNoDelay(true).setCompressionSupported(false).setDecompressionSupported(false)
                .setHandle100ContinueAutomatically(false))), limits, ErrorAnswer.TEXT);
        server.requestHandler(request -> {
            request.pause(); // the body waits until an instance is leased and connected
            Exchange exchange = new Exchange(request, context, loop);
            request.response().closeHandler(v -> exchange.abort());
            chain.proceed(exchange);
        });
        server.listen().<Void>mapEmpty().onComplete(started);
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

package dev.kumo.bench;

import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpClientConnection;
import io.vertx.core.http.impl.HttpClientInternal;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The ceiling's bare Vert.x proxy: one verticle per event loop, each an HttpServer on a shared port and its own pooled
 * keep-alive HttpClient to 127.0.0.1:upstream; headers copied, bodies sent through. No routing, meters or tracing:
 * the shape of Kumo's router without Kumo's stages.
 */
final class BareVertxProxy implements AutoCloseable {

    private final Vertx vertx;
    private final int port;

    private BareVertxProxy(Vertx vertx, int port) {
        this.vertx = vertx;
        this.port = port;
    }

    /**
     * Listens on a free 127.0.0.1 port with {@code loops} event loops, forwarding to 127.0.0.1:{@code upstream}:
     * through the client's pool, or ({@code pinned}) on one client connection per inbound connection, made by
     * Vert.x's internal {@code HttpClientInternal.connect} — the pool's lease skipped, Vert.x's objects kept.
     */
    static BareVertxProxy start(int loops, int upstream, boolean pinned) throws Exception {
        return start(loops, upstream, pinned, false);
    }

    /** The same on io_uring ({@code ioUring}: {@link BenchVertx}) or epoll. */
    static BareVertxProxy start(int loops, int upstream, boolean pinned, boolean ioUring) throws Exception {
        Vertx vertx = BenchVertx.create(loops, ioUring);
        int port = Ceiling.freePort();
        vertx.deployVerticle(() -> new Loop(port, upstream, pinned), new DeploymentOptions().setInstances(loops))
                .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        return new BareVertxProxy(vertx, port);
    }

    int port() {
        return port;
    }

    @Override
    public void close() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** One event loop's server and client. */
    private static final class Loop extends AbstractVerticle {
        private final int port;
        private final int upstream;
        private final boolean pinned;
        private final Map<HttpConnection, Future<HttpClientConnection>> connections = new HashMap<>();

        Loop(int port, int upstream, boolean pinned) {
            this.port = port;
            this.upstream = upstream;
            this.pinned = pinned;
        }

        private Future<HttpClientRequest> request(HttpClient client, HttpServerRequest request) {
            if (!pinned) {
                return client.request(new RequestOptions().setMethod(request.method()).setURI(request.uri())
                        .setHost("127.0.0.1").setPort(upstream));
            }
            HttpConnection inbound = request.connection();
            Future<HttpClientConnection> connection = connections.get(inbound);
            if (connection == null || (connection.succeeded() && !connection.result().isValid())) {
                connection = ((HttpClientInternal) client).connect(SocketAddress.inetSocketAddress(upstream,
                        "127.0.0.1"));
                connection.onSuccess(c -> c.evictionHandler(v -> { })); // closed by us: not worth a warning
                connections.put(inbound, connection);
                inbound.closeHandler(v -> {
                    Future<HttpClientConnection> closing = connections.remove(inbound);
                    if (closing != null) {
                        closing.onSuccess(HttpClientConnection::close);
                    }
                });
            }
            ContextInternal here = (ContextInternal) context;
            return connection.compose(c -> c.createRequest(here)).map(out -> out.setMethod(request.method())
                    .setURI(request.uri()).setHost("127.0.0.1").setPort(upstream));
        }

        @Override
        public void start(Promise<Void> started) {
            HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true),
                    new PoolOptions().setHttp1MaxSize(1000));
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)
                    .setTcpNoDelay(true));
            server.requestHandler(request -> {
                request.pause();
                request(client, request).onComplete(connected -> {
                            if (connected.failed()) {
                                request.response().setStatusCode(502).end();
                                return;
                            }
                            connected.result().headers().setAll(request.headers());
                            connected.result().send(request).onComplete(answered -> {
                                if (answered.failed()) {
                                    request.response().setStatusCode(502).end();
                                    return;
                                }
                                request.response().setStatusCode(answered.result().statusCode())
                                        .headers().setAll(answered.result().headers());
                                request.response().send(answered.result());
                            });
                        });
            });
            server.listen().<Void>mapEmpty().onComplete(started);
        }
    }
}

package dev.kumo.apiserver;

import dev.kumo.api.kinds.Kinds;
import dev.kumo.apiserver.internal.AccessGate;
import dev.kumo.apiserver.internal.ApiHandler;
import dev.kumo.apiserver.internal.Dashboard;
import dev.kumo.apiserver.internal.DashboardSessions;
import dev.kumo.apiserver.internal.HttpExchange;
import dev.kumo.apiserver.internal.WatchSocket;
import dev.kumo.http.ClientGuard;
import dev.kumo.store.ResourceStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes-compatible REST API over the store: Vert.x reads requests on its event loop, each request is
 * answered on a virtual thread (store calls block), and the answer is written back on the event loop. With a
 * {@link TlsKeystore} configured it serves HTTPS (HTTP/1.1) instead of plain HTTP.
 */
public final class ApiServer implements AutoCloseable {

    private final Vertx vertx;
    private final HttpServer server;
    private final ExecutorService workers;
    private final Handler<HttpServerRequest> gated;
    private final ApiServerConfig config;
    private final List<HttpServer> socketServers = new ArrayList<>();
    private final List<Path> sockets = new ArrayList<>();

    private ApiServer(Vertx vertx, HttpServer server, ExecutorService workers, Handler<HttpServerRequest> gated,
            ApiServerConfig config) {
        this.vertx = vertx;
        this.server = server;
        this.workers = workers;
        this.gated = gated;
        this.config = config;
    }

    /** Binds and starts serving; throws if the address cannot be bound. */
    public static ApiServer start(Vertx vertx, ApiServerConfig config, Kinds kinds, ResourceStore store,
            InstantSource clock) {
        return start(vertx, config, kinds, store, clock, RevisionLogs.NONE);
    }

    /** Binds and starts serving, with Revision logs read from {@code logs}. */
    public static ApiServer start(Vertx vertx, ApiServerConfig config, Kinds kinds, ResourceStore store,
            InstantSource clock, RevisionLogs logs) {
        return start(vertx, config, kinds, store, clock, logs, PodLogs.NONE);
    }

    /** Binds and starts serving, with Revision logs read from {@code logs} and Pod logs from {@code podLogs}. */
    public static ApiServer start(Vertx vertx, ApiServerConfig config, Kinds kinds, ResourceStore store,
            InstantSource clock, RevisionLogs logs, PodLogs podLogs) {
        return start(vertx, config, kinds, store, clock, logs, podLogs, RequestMetrics.NONE);
    }

    /** The same, telling {@code requestMetrics} about every request. */
    public static ApiServer start(Vertx vertx, ApiServerConfig config, Kinds kinds, ResourceStore store,
            InstantSource clock, RevisionLogs logs, PodLogs podLogs, RequestMetrics requestMetrics) {
        return start(vertx, config, kinds, store, clock, logs, podLogs, requestMetrics, RequestTracing.NONE);
    }

    /** The same, tracing requests with {@code requestTracing}. */
    public static ApiServer start(Vertx vertx, ApiServerConfig config, Kinds kinds, ResourceStore store,
            InstantSource clock, RevisionLogs logs, PodLogs podLogs, RequestMetrics requestMetrics,
            RequestTracing requestTracing) {
        ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
        ApiHandler handler = new ApiHandler(kinds, store, config, clock, logs, podLogs, requestMetrics,
                requestTracing);
        // HTTP/1.1 only: Kubernetes clients speak it over plain HTTP, and h2c upgrades are refused, not half-served.
        HttpServerOptions options = ClientGuard.options(new HttpServerOptions().setHost(config.host())
                .setPort(config.port()).setCompressionSupported(false).setTcpNoDelay(true)
                .setWebSocketSubProtocols(WatchSocket.SUBPROTOCOLS));
        config.tls().ifPresent(tls -> options.setSsl(true).setKeyCertOptions(new PfxOptions()
                .setPath(tls.path().toString()).setPassword(tls.password())));
        HttpServer server = ClientGuard.install(vertx.createHttpServer(options), config.limits(),
                HttpExchange.STATUS_ANSWER);
        DashboardSessions sessions = new DashboardSessions(clock);
        Dashboard dashboard = new Dashboard(sessions, config.tls().isPresent());
        AccessGate gate = AccessGate.of(config, sessions);
        Handler<HttpServerRequest> gated = request -> gate.serve(request, () -> {
            if (Dashboard.asked(request)) {
                dashboard.serve(request);
            } else {
                HttpExchange.serve(request, handler, workers, config.maxBodyBytes());
            }
        });
        server.requestHandler(gated);
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            workers.shutdownNow();
            throw new IllegalStateException("binding the API server to " + config.host() + ":" + config.port()
                    + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
        return new ApiServer(vertx, server, workers, gated, config);
    }

    /**
     * Serves the same API, behind the same checks and token, on the unix domain socket {@code socket} too, in plain
     * HTTP/1.1: the socket never leaves the machine and only its owner may open it (mode 600; keep it in a 700
     * directory). A file left there (by a server that was killed) is replaced, so the caller must own the directory;
     * the socket is removed at {@link #close()}. Needs Vert.x's native transport (epoll).
     */
    public synchronized void serveOnSocket(Path socket) {
        if (!vertx.isNativeTransportEnabled()) {
            throw new IllegalStateException("serving the API on " + socket + ": unix sockets need Netty's native "
                    + "transport, which is not available: " + vertx.unavailableNativeTransportCause());
        }
        HttpServer local = ClientGuard.install(vertx.createHttpServer(ClientGuard.options(new HttpServerOptions()
                .setCompressionSupported(false).setWebSocketSubProtocols(WatchSocket.SUBPROTOCOLS))),
                config.limits(), HttpExchange.STATUS_ANSWER).requestHandler(gated);
        try {
            Files.deleteIfExists(socket);
            local.listen(SocketAddress.domainSocketAddress(socket.toString())).toCompletionStage()
                    .toCompletableFuture().get(30, TimeUnit.SECONDS);
            sockets.add(socket);
            socketServers.add(local);
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException("serving the API on " + socket + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("serving the API on " + socket + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
    }

    /** The port actually bound. */
    public int port() {
        return server.actualPort();
    }

    @Override
    public synchronized void close() {
        List<HttpServer> all = new ArrayList<>(socketServers);
        all.add(server);
        for (HttpServer each : all) {
            try {
                each.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Closing is best effort: the process is going away or the test is over.
            }
        }
        for (Path socket : sockets) {
            try {
                Files.deleteIfExists(socket);
            } catch (IOException e) {
                // Best effort too: the next start replaces a socket left behind.
            }
        }
        workers.shutdownNow();
    }

    Vertx vertx() {
        return vertx;
    }
}

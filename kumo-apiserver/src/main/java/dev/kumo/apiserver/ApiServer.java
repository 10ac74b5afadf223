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
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PfxOptions;
import java.time.InstantSource;
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

    private ApiServer(Vertx vertx, HttpServer server, ExecutorService workers) {
        this.vertx = vertx;
        this.server = server;
        this.workers = workers;
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
        server.requestHandler(request -> gate.serve(request, () -> {
            if (Dashboard.asked(request)) {
                dashboard.serve(request);
            } else {
                HttpExchange.serve(request, handler, workers, config.maxBodyBytes());
            }
        }));
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            workers.shutdownNow();
            throw new IllegalStateException("binding the API server to " + config.host() + ":" + config.port()
                    + ": " + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
        return new ApiServer(vertx, server, workers);
    }

    /** The port actually bound. */
    public int port() {
        return server.actualPort();
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Closing is best effort: the process is going away or the test is over.
        }
        workers.shutdownNow();
    }

    Vertx vertx() {
        return vertx;
    }
}

package dev.kumo.eventing.ingress;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.delivery.EventCounters;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.tracing.EventTracing;
import dev.kumo.http.ClientGuard;
import dev.kumo.http.ErrorAnswer;
import dev.kumo.http.ListenerLimits;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** The ingress HTTP server (Vert.x, HTTP/1.1) in front of the event log. */
public final class IngressServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;

    private IngressServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Listens on {@code host:port} and stores events for the brokers {@code brokers} accepts, waiting for slow
     * clients as {@code limits} says (HTTP/1.1 only, see {@link ClientGuard}).
     */
    public static IngressServer start(Vertx vertx, String host, int port, int maxEventBytes, EventLog log,
            Predicate<BrokerRef> brokers, InstantSource clock, EventCounters counters, ListenerLimits limits,
            EventTracing tracing) {
        IngressHandler handler = new IngressHandler(log, brokers, maxEventBytes, clock, counters, tracing);
        HttpServer server = ClientGuard.install(vertx.createHttpServer(ClientGuard.options(new HttpServerOptions()
                .setHost(host).setPort(port).setTcpNoDelay(true))), limits, ErrorAnswer.TEXT).requestHandler(handler);
        try {
            server.listen().toCompletionStage().toCompletableFuture()
                    .get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("starting the eventing ingress on " + host + ":" + port + ": "
                    + (e.getCause() == null ? e : e.getCause()).getMessage(), e);
        }
        return new IngressServer(server);
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
            // Closing anyway; the port goes with the Vert.x instance.
        }
    }
}

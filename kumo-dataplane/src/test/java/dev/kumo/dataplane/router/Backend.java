package dev.kumo.dataplane.router;

import dev.kumo.runtime.spi.InstanceAddress;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A revision instance for tests: a Vert.x server on 127.0.0.1 that counts requests and the most it had in flight,
 * and by default answers its name and the request headers it saw, one per line.
 */
final class Backend implements AutoCloseable {

    final String name;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final java.util.Set<HttpServerRequest> finished = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final HttpServer server;
    private volatile Handler<HttpServerRequest> behaviour = Backend::echoHeaders;

    private Backend(String name, HttpServer server) {
        this.name = name;
        this.server = server;
    }

    static Backend start(Vertx vertx, String name) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0));
        Backend backend = new Backend(name, server);
        server.requestHandler(request -> {
            backend.requests.incrementAndGet();
            int now = backend.inFlight.incrementAndGet();
            backend.maxInFlight.accumulateAndGet(now, Math::max);
            // Finished the moment it starts answering (headersEndHandler runs inside end(), before the write), so a
            // request the router sends on receiving this answer never overlaps it in maxInFlight.
            request.response().headersEndHandler(v -> backend.done(request));
            request.response().endHandler(v -> backend.done(request));
            request.response().closeHandler(v -> backend.done(request));
            request.response().putHeader("X-Backend", name);
            backend.behaviour.handle(request);
        });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("starting backend " + name, e);
        }
        return backend;
    }

    /** Counts a request as finished, once, whichever of end, close or {@link #finish} comes first. */
    private void done(HttpServerRequest request) {
        if (finished.add(request)) {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Answers a request from outside its event loop (a test thread): it counts as finished before the answer goes
     * out, so a request the router sends on receiving the answer never overlaps it in {@link #maxInFlight}.
     */
    void finish(HttpServerRequest request, String body) {
        done(request);
        request.response().end(body);
    }

    /** Replaces how the backend answers (it keeps counting). */
    Backend behave(Handler<HttpServerRequest> behaviour) {
        this.behaviour = behaviour;
        return this;
    }

    InstanceAddress address() {
        return new InstanceAddress("127.0.0.1", server.actualPort());
    }

    static void echoHeaders(HttpServerRequest request) {
        request.body().onSuccess(body -> {
            StringBuilder text = new StringBuilder();
            for (Map.Entry<String, String> header : request.headers()) {
                text.append(header.getKey().toLowerCase()).append(": ").append(header.getValue()).append('\n');
            }
            request.response().end(text.toString());
        });
    }

    @Override
    public void close() {
        try {
            server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // best effort
        }
    }
}

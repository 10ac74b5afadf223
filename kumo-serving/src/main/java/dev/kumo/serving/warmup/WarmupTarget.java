package dev.kumo.serving.warmup;

import dev.kumo.runtime.spi.InstanceAddress;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A synthetic instance: an HTTP listener in this JVM on a fresh 127.0.0.1 ephemeral port, answering every request
 * {@code 200 ok}; one per round, so that the router opens a new upstream connection each time, as to a new instance.
 */
final class WarmupTarget implements AutoCloseable {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpServer server;

    private WarmupTarget(HttpServer server) {
        this.server = server;
    }

    /** Listens on {@code 127.0.0.1:0}; blocks until it does. */
    static WarmupTarget listen(Vertx vertx) {
        HttpServer server = vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(0))
                .requestHandler(request -> request.response().putHeader("content-type", "text/plain")
                        .end("ok\n"));
        await(server.listen(), "listening on 127.0.0.1");
        return new WarmupTarget(server);
    }

    InstanceAddress address() {
        return InstanceAddress.loopback(server.actualPort());
    }

    @Override
    public void close() {
        await(server.close(), "closing the listener on port " + server.actualPort());
    }

    private static <T> T await(io.vertx.core.Future<T> future, String doing) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("warm-up target: interrupted " + doing, e);
        } catch (Exception e) {
            throw new IllegalStateException("warm-up target: " + doing + ": " + e, e);
        }
    }
}

package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.impl.ContextInternal;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The first-byte timeout against a response head arriving in the same event-loop turn as the timer. */
class FirstByteTimeoutTest {

    private final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @Test
    void aResponseHeadArrivingRightAfterTheTimerFiredIsServedNotAborted() throws Exception {
        CompletableFuture<Boolean> doneWhenChecked = new CompletableFuture<>();
        // Stands for the instance: its response head is due 1 ms after the 1 s timeout, and the loop stays busy here
        // until both are due, so its next turn runs the timer's task and then the head's, before anything they queue.
        Stage instance = (exchange, next) -> {
            ContextInternal context = (ContextInternal) exchange.context();
            long busyUntil = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1_060);
            context.nettyEventLoop().schedule(() -> {
                exchange.responseStarted(200);
                context.runOnContext(v -> {
                    doneWhenChecked.complete(exchange.isDone());
                    exchange.request().response().end("in time");
                    exchange.complete();
                });
            }, 1_001, TimeUnit.MILLISECONDS);
            while (System.nanoTime() < busyUntil) {
                Thread.onSpinWait(); // the loop is busy with other work
            }
        };
        Chain chain = Chain.of(List.of(new FirstByteTimeout(), instance));
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            Exchange exchange = new Exchange(request, vertx.getOrCreateContext(), 0);
            exchange.target(new RevisionTarget(new RevisionId("default", "hello-00001"), new RevisionSettings(1, 0),
                    null, null, null));
            chain.proceed(exchange);
        }).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        HttpClient client = vertx.createHttpClient();

        CompletableFuture<String> body = client.request(HttpMethod.GET, server.actualPort(), "127.0.0.1", "/")
                .compose(request -> request.send().compose(response -> response.body()))
                .map(Buffer::toString).toCompletionStage().toCompletableFuture();

        assertThat(doneWhenChecked.get(10, TimeUnit.SECONDS)).as("the timeout ended the exchange").isFalse();
        assertThat(body.get(10, TimeUnit.SECONDS)).isEqualTo("in time");
    }
}

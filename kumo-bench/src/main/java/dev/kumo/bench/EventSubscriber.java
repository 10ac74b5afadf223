package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * An HTTP subscriber on 127.0.0.1 that answers 202 to every event and notes when each id first arrived; on
 * {@code /step} it is a Sequence step instead, replying with the event.
 */
final class EventSubscriber implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();

    private EventSubscriber(Vertx vertx) throws Exception {
        this.server = vertx.createHttpServer().requestHandler(request -> request.body().onComplete(body -> {
            if (request.path().equals("/step")) {
                echo(request, body.result());
                return;
            }
            String id = request.getHeader("ce-id");
            if (id != null) {
                arrivedNanos.putIfAbsent(id, System.nanoTime());
            }
            request.response().setStatusCode(202).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    /** A Sequence step: replies 200 with the event as it came (binary mode), so it goes on to the next step. */
    private static void echo(io.vertx.core.http.HttpServerRequest request, io.vertx.core.buffer.Buffer body) {
        io.vertx.core.http.HttpServerResponse response = request.response().setStatusCode(200);
        request.headers().forEach((name, value) -> {
            if (name.regionMatches(true, 0, "ce-", 0, 3) || name.equalsIgnoreCase("Content-Type")) {
                response.putHeader(name, value);
            }
        });
        response.end(body == null ? io.vertx.core.buffer.Buffer.buffer() : body);
    }

    static EventSubscriber start(Vertx vertx) throws Exception {
        return new EventSubscriber(vertx);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.actualPort() + "/");
    }

    /** When {@code id} first arrived (System.nanoTime()), if it has. */
    Long arrivedNanos(String id) {
        return arrivedNanos.get(id);
    }

    /** Waits until every id has arrived or {@code limit} has passed; answers how many are still missing. */
    long awaitAll(Collection<String> ids, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            long missing = ids.stream().filter(id -> !arrivedNanos.containsKey(id)).count();
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(20); // a poll: the arrival times themselves are taken by the subscriber
        }
    }

    @Override
    public void close() {
        server.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}

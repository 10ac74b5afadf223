package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import java.net.URI;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An HTTP subscriber on 127.0.0.1 that answers 202 to every event and notes when each id first arrived. */
final class EventSubscriber implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, Long> arrivedNanos = new ConcurrentHashMap<>();

    private EventSubscriber(Vertx vertx) throws Exception {
        this.server = vertx.createHttpServer().requestHandler(request -> request.body().onComplete(body -> {
            String id = request.getHeader("ce-id");
            if (id != null) {
                arrivedNanos.putIfAbsent(id, System.nanoTime());
            }
            request.response().setStatusCode(202).end();
        })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
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

package dev.kumo.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop CloudEvent producers: {@code concurrency} requests in flight over keep-alive connections, each
 * producer posting its next binary-mode event when the last one is answered, until {@code events} have been sent
 * or the time limit has passed. Records when each event was sent and how long each 202 took.
 */
final class EventLoad {

    /**
     * What one run did.
     *
     * @param acceptedSentAtNanos when each event answered 202 was sent (System.nanoTime()), by id ({@code RUN-SEQ})
     */
    record Run(int accepted, int failed, long startNanos, long wallNanos, Latencies acks,
            Map<String, Long> acceptedSentAtNanos) {
    }

    private static final String BODY_PREFIX = "{\"bench\":\"kumo\",\"seq\":";

    private EventLoad() {
    }

    static Run run(Vertx vertx, URI target, String runId, int events, int concurrency, Duration limit)
            throws Exception {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setTcpNoDelay(true)
                .setPipelining(false), new PoolOptions().setHttp1MaxSize(concurrency));
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST).setHost(target.getHost())
                .setPort(target.getPort()).setURI(target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                .putHeader("ce-specversion", "1.0").putHeader("ce-source", "/kumo-bench")
                .putHeader("ce-type", "dev.kumo.bench.event").putHeader("Content-Type", "application/json");
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Latencies acks = new Latencies(events);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicInteger producers = new AtomicInteger(concurrency);
        CompletableFuture<Void> done = new CompletableFuture<>();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        Producer producer = new Producer() {
            @Override
            public void produce() {
                int seq = next.getAndIncrement();
                if (seq >= events || System.nanoTime() > deadline) {
                    if (producers.decrementAndGet() == 0) {
                        done.complete(null);
                    }
                    return;
                }
                String id = runId + "-" + seq;
                long sent = System.nanoTime();
                Future<Integer> status = client.request(new RequestOptions(options).putHeader("ce-id", id))
                        .compose(request -> request.send(Buffer.buffer(BODY_PREFIX + seq + "}")))
                        .compose(response -> response.body().map(body -> response.statusCode()));
                status.onComplete(answer -> {
                    if (answer.succeeded() && answer.result() == 202) {
                        acks.record(System.nanoTime() - sent);
                        sentAt.put(id, sent);
                        accepted.incrementAndGet();
                    } else {
                        failed.incrementAndGet();
                    }
                    produce();
                });
            }
        };
        for (int i = 0; i < concurrency; i++) {
            vertx.runOnContext(v -> producer.produce());
        }
        try {
            done.get(limit.toSeconds() + 60, TimeUnit.SECONDS);
        } finally {
            client.close();
        }
        return new Run(accepted.get(), failed.get(), start, System.nanoTime() - start, acks, sentAt);
    }

    private interface Producer {
        void produce();
    }
}

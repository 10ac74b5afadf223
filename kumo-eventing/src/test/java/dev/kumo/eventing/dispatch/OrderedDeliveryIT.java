package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.Ingress;
import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.ChannelSubscriber;
import dev.kumo.eventing.api.DeliveryOrder;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordered delivery ({@code kafka.eventing.knative.dev/delivery.order: ordered}) through a real broker and a real
 * channel over sockets: a backlog of three keys' events, interleaved, reaches a subscriber with one delivery under way
 * per key and the three keys under way at once; the subscriber fails the first attempt of one key, whose retry (a
 * second later) holds back only that key's later events while the other two keys drain; every key's events arrive,
 * attempts included, in the order they were posted.
 */
class OrderedDeliveryIT {

    private static final List<String> KEYS = List.of("k0", "k1", "k2");
    private static final int PER_KEY = 6;
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Retried a second after the failure: long beside the 18 answers of a few ms each. */
    private static final DeliverySpec RETRY_AFTER_A_SECOND = DeliverySpec.NONE.withRetry(3)
            .withBackoff(BackoffPolicy.LINEAR, Duration.ofSeconds(1));

    @TempDir
    Path dir;

    private Vertx vertx;
    private EventMesh mesh;
    private Ingress ingress;
    private KeyedSubscriber subscriber;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")), Clock.systemUTC());
        ingress = new Ingress(mesh.port());
        subscriber = new KeyedSubscriber(vertx, "k0");
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void throughABrokerEachKeyIsDeliveredInOrderAndAKeysRetryHoldsBackOnlyThatKey() {
        mesh.upsertBroker(new BrokerSpec(new BrokerRef("default", "b")));
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "ordered"), "b", event -> true,
                subscriber.uri(), RETRY_AFTER_A_SECOND, DeliveryOrder.ORDERED));

        deliversEachKeyInOrder("/default/b");
    }

    @Test
    void throughAChannelEachKeyIsDeliveredInOrderAndAKeysRetryHoldsBackOnlyThatKey() {
        ChannelRef channel = new ChannelRef("default", "c");
        mesh.upsertChannel(channel);
        mesh.upsertSubscriber(channel, new ChannelSubscriber("uid-1", Optional.of(subscriber.uri()), Optional.empty(),
                RETRY_AFTER_A_SECOND, DeliveryOrder.ORDERED));

        deliversEachKeyInOrder("/channels/default/c");
    }

    private void deliversEachKeyInOrder(String path) {
        List<String> posted = new ArrayList<>();
        for (int i = 0; i < PER_KEY; i++) {
            for (String key : KEYS) {
                String id = key + "-" + i;
                posted.add(id);
                assertThat(ingress.post(path, Map.of("ce-specversion", "1.0", "ce-id", id, "ce-source", "/test",
                        "ce-type", "t", "ce-partitionkey", key, "Content-Type", "text/plain"), id).statusCode())
                        .isEqualTo(202);
            }
        }

        // Held: the first event of each key, and nothing more of any key.
        await().atMost(WAIT).until(() -> subscriber.held() == KEYS.size());
        assertThat(subscriber.attempts()).extracting(Attempt::id).containsExactlyInAnyOrder("k0-0", "k1-0", "k2-0");
        subscriber.release();

        await().atMost(WAIT).until(() -> subscriber.accepted().size() == posted.size());
        for (String key : KEYS) {
            List<String> inOrder = posted.stream().filter(id -> id.startsWith(key + "-")).toList();
            assertThat(subscriber.accepted()).filteredOn(id -> id.startsWith(key + "-")).containsExactlyElementsOf(
                    inOrder);
        }
        assertThat(subscriber.attempts()).filteredOn(a -> a.id().startsWith("k0-")).extracting(Attempt::id)
                .containsExactly("k0-0", "k0-0", "k0-1", "k0-2", "k0-3", "k0-4", "k0-5");
        assertThat(subscriber.maxUnderWayPerKey()).isEqualTo(1);
        assertThat(subscriber.maxUnderWay()).isEqualTo(KEYS.size());
        // While k0 waited out its backoff, k1 and k2 drained entirely.
        List<String> accepted = subscriber.accepted();
        assertThat(accepted.indexOf("k0-0")).isGreaterThan(accepted.indexOf("k1-" + (PER_KEY - 1)))
                .isGreaterThan(accepted.indexOf("k2-" + (PER_KEY - 1)));
    }

    /** One request as it arrived. */
    private record Attempt(String key, String id) {
    }

    /**
     * Holds requests until released, then answers each a few ms after it arrives: 500 to the first attempt of
     * {@code failKey}, 202 to the rest. Counts what is under way, per key and overall, until the answer leaves.
     */
    private static final class KeyedSubscriber {

        private static final long ANSWER_AFTER_MS = 5;

        private final Vertx vertx;
        private final HttpServer server;
        private final String failKey;
        private final List<Attempt> attempts = new ArrayList<>();
        private final List<String> accepted = new ArrayList<>();
        private final Map<String, Integer> underWay = new HashMap<>();
        private final List<HttpServerRequest> held = new ArrayList<>();
        private int maxUnderWayPerKey;
        private int maxUnderWay;
        private boolean failed;
        private boolean released;

        KeyedSubscriber(Vertx vertx, String failKey) throws Exception {
            this.vertx = vertx;
            this.failKey = failKey;
            this.server = vertx.createHttpServer().requestHandler(request -> request.body()
                    .onSuccess(body -> arrived(request)))
                    .listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.actualPort() + "/");
        }

        private synchronized void arrived(HttpServerRequest request) {
            String key = request.getHeader("ce-partitionkey");
            attempts.add(new Attempt(key, request.getHeader("ce-id")));
            int now = underWay.merge(key, 1, Integer::sum);
            maxUnderWayPerKey = Math.max(maxUnderWayPerKey, now);
            maxUnderWay = Math.max(maxUnderWay, underWay.values().stream().mapToInt(Integer::intValue).sum());
            if (!released) {
                held.add(request);
                return;
            }
            vertx.setTimer(ANSWER_AFTER_MS, id -> answer(request));
        }

        void release() {
            List<HttpServerRequest> waiting;
            synchronized (this) {
                released = true;
                waiting = List.copyOf(held);
                held.clear();
            }
            waiting.forEach(request -> vertx.setTimer(ANSWER_AFTER_MS, id -> answer(request)));
        }

        /** Counts the request over before the answer leaves, so the key's next delivery can never overlap it. */
        private void answer(HttpServerRequest request) {
            String key = request.getHeader("ce-partitionkey");
            int status;
            synchronized (this) {
                underWay.merge(key, -1, Integer::sum);
                boolean fail = key.equals(failKey) && !failed;
                failed |= fail;
                status = fail ? 500 : 202;
                if (!fail) {
                    accepted.add(request.getHeader("ce-id"));
                }
            }
            request.response().setStatusCode(status).end();
        }

        synchronized int held() {
            return held.size();
        }

        synchronized List<Attempt> attempts() {
            return List.copyOf(attempts);
        }

        synchronized List<String> accepted() {
            return List.copyOf(accepted);
        }

        synchronized int maxUnderWayPerKey() {
            return maxUnderWayPerKey;
        }

        synchronized int maxUnderWay() {
            return maxUnderWay;
        }
    }
}

package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code max-in-flight-per-trigger} over real sockets: a slow subscriber holding every request sees exactly K of one
 * Trigger's deliveries at once, never more, while a backlog of many times K drains completely. (The dispatcher's
 * bound and the client's pool of K connections per subscriber both enforce what the subscriber sees; the dispatcher's
 * is what keeps the rest of the backlog in the log rather than queued in memory.)
 */
class BoundedInFlightIT {

    private static final int MAX_IN_FLIGHT = 3;
    private static final int BACKLOG = 60;
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private OneTriggerMesh fixture;
    private SlowSubscriber slow;

    @BeforeEach
    void startWithASlowSubscriber() throws Exception {
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")).withInFlight(MAX_IN_FLIGHT, 10));
        slow = new SlowSubscriber(fixture.vertx());
        fixture.mesh().upsertTrigger(new TriggerSpec(OneTriggerMesh.TRIGGER, "b", event -> true, slow.uri(),
                DeliverySpec.NONE));
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aSlowSubscriberNeverSeesMoreThanTheBoundWhileABacklogDrains() {
        for (int i = 0; i < BACKLOG; i++) {
            assertThat(fixture.ingress().postBinary(OneTriggerMesh.PATH, "e-" + i, "t").statusCode()).isEqualTo(202);
        }

        await().atMost(WAIT).until(() -> slow.concurrent() == MAX_IN_FLIGHT);
        slow.startAnswering();

        await().atMost(WAIT).until(() -> fixture.mesh().counters().delivered() == BACKLOG);
        assertThat(slow.ids()).hasSize(BACKLOG);
        assertThat(slow.maxConcurrent()).isEqualTo(MAX_IN_FLIGHT);
        assertThat(fixture.mesh().counters().retries()).isZero();
    }

    /** Holds every request until told to answer, then answers each one a few milliseconds after it arrives. */
    private static final class SlowSubscriber {

        private static final long ANSWER_AFTER_MS = 5;

        private final Vertx vertx;
        private final HttpServer server;
        private final AtomicInteger concurrent = new AtomicInteger();
        private final AtomicInteger maxConcurrent = new AtomicInteger();
        private final Set<String> ids = ConcurrentHashMap.newKeySet();
        private final List<HttpServerResponse> held = new ArrayList<>();
        private boolean answering;

        SlowSubscriber(Vertx vertx) throws Exception {
            this.vertx = vertx;
            this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
                maxConcurrent.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                ids.add(request.getHeader("ce-id"));
                synchronized (this) {
                    if (!answering) {
                        held.add(request.response());
                        return;
                    }
                }
                vertx.setTimer(ANSWER_AFTER_MS, id -> answer(request.response()));
            })).listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + server.actualPort() + "/");
        }

        void startAnswering() {
            List<HttpServerResponse> waiting;
            synchronized (this) {
                answering = true;
                waiting = List.copyOf(held);
                held.clear();
            }
            waiting.forEach(response -> vertx.setTimer(ANSWER_AFTER_MS, id -> answer(response)));
        }

        /** Counts the request finished before the answer leaves, so the next delivery can never overlap it. */
        private void answer(HttpServerResponse response) {
            concurrent.decrementAndGet();
            response.setStatusCode(202).end();
        }

        int concurrent() {
            return concurrent.get();
        }

        int maxConcurrent() {
            return maxConcurrent.get();
        }

        Set<String> ids() {
            return ids;
        }
    }
}

package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router as activator: requests for a revision with no ready instance are held, then served or timed out. */
class ActivatorIT {

    private static final RevisionId V1 = revision("cold-00001");
    private static final String HOST = "cold.default.localhost";

    private RouterHarness h;

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void heldRequestsAllSucceedOnceAnInstanceIsReady() {
        h = route(new RouterHarness(), new RevisionSettings(30, 0));
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(h.client.send(h.client.options(HttpMethod.GET, HOST, "/" + i)));
        }
        Future<String> upload = post("a body that waits in the client's socket while the request is held");

        await().atMost(Duration.ofSeconds(10)).until(() -> held() == 9);
        assertThat(answers).noneMatch(Future::isComplete);

        Backend backend = h.backend("late").behave(request -> request.body()
                .onSuccess(body -> request.response().end(body.length() == 0 ? "got " + request.uri() : body.toString())));
        h.ready(V1, backend);

        assertThat(answers).allSatisfy(a -> assertThat(TestClient.await(a).status()).isEqualTo(200));
        assertThat(TestClient.await(upload))
                .isEqualTo("a body that waits in the client's socket while the request is held");
        assertThat(backend.requests.get()).isEqualTo(9);
        await().atMost(Duration.ofSeconds(5)).until(() -> held() == 0);
        assertThat(h.registry.scrape()).contains("kumo_cold_start_seconds_count{configuration=\"\","
                + "namespace=\"default\",revision=\"cold-00001\",service=\"\"} 9");
    }

    @Test
    void heldRequestsAreReleasedNoFasterThanContainerConcurrencyAllows() {
        h = route(new RouterHarness(), new RevisionSettings(30, 1));
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(h.client.send(h.client.options(HttpMethod.GET, HOST, "/")));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> held() == 5);

        Backend backend = h.backend("single").behave(request -> h.vertx.setTimer(50,
                t -> request.response().end("ok")));
        h.ready(V1, backend);

        assertThat(answers).allSatisfy(a -> assertThat(TestClient.await(a).status()).isEqualTo(200));
        assertThat(backend.maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void aFullHoldQueueIs503() {
        h = route(new RouterHarness(RouterHarness.CONFIG.withMaxHeldPerRevision(3)), new RevisionSettings(30, 0));
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(h.client.send(h.client.options(HttpMethod.GET, HOST, "/")));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 503) == 2);
        assertThat(answers.stream().filter(a -> a.isComplete()).findFirst().orElseThrow().result().body())
                .isEqualTo("revision default/cold-00001 has no ready instance and 3 requests are already held for "
                        + "it (the router's maxHeldPerRevision)\n");
        assertThat(held()).isEqualTo(3);

        h.ready(V1, h.backend("late"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 200) == 3);
    }

    @Test
    void noInstanceWithinTimeoutSecondsIs504LikeKnativesActivator() {
        h = route(new RouterHarness(), new RevisionSettings(1, 0));

        TestClient.Answer answer = h.client.get(HOST);

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.body()).isEqualTo("activator request timeout: revision default/cold-00001 had no ready "
                + "instance within timeoutSeconds 1\n");
        // The 504 goes out first; the held count drops when the exchange's end is handled, a moment later.
        await().atMost(Duration.ofSeconds(5)).until(() -> held() == 0);
    }

    @Test
    void demandIsSignalledAtOnceThenAtMostOnceASecondWhileRequestsAreHeld() {
        h = route(new RouterHarness(), new RevisionSettings(30, 0));
        List<RevisionId> revisions = new CopyOnWriteArrayList<>();
        List<Long> times = new CopyOnWriteArrayList<>();
        h.signals.onDemand(revision -> {
            revisions.add(revision);
            times.add(System.nanoTime());
        });
        long sent = System.nanoTime();
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            answers.add(h.client.send(h.client.options(HttpMethod.GET, HOST, "/")));
        }

        await().atMost(Duration.ofSeconds(5)).until(() -> !times.isEmpty());
        // At once: sooner than the once-a-second repeat could have signalled it.
        assertThat(Duration.ofNanos(times.get(0) - sent)).isLessThan(Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5)).until(() -> times.size() >= 3); // repeated while still held
        assertThat(revisions).containsOnly(V1);
        // The router spaces its own clock readings by a second; the listener stamps them when it runs, a little
        // later by a varying amount, so the gaps it sees may fall short of the second by that jitter.
        for (int i = 1; i < times.size(); i++) {
            assertThat(Duration.ofNanos(times.get(i) - times.get(i - 1)))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(900));
        }

        h.ready(V1, h.backend("started"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 200) == 5);
        int signalled = times.size();
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> times.size() == signalled);
    }

    @Test
    void aColdStartServedByAnInstanceIsToldToTheListenerWithThatInstanceAndARouterAnswerIsNot() {
        h = route(new RouterHarness(), new RevisionSettings(1, 0));
        List<ColdStart> coldStarts = new CopyOnWriteArrayList<>();
        h.signals.onColdStart(coldStarts::add);

        assertThat(h.client.get(HOST).status()).isEqualTo(504);
        Future<TestClient.Answer> held = h.client.send(h.client.options(HttpMethod.GET, HOST, "/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> held() == 1);
        Backend backend = h.backend("woken");
        h.ready(V1, backend);

        assertThat(TestClient.await(held).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5)).until(() -> coldStarts.size() == 1);
        ColdStart coldStart = coldStarts.getFirst();
        assertThat(coldStart.revision()).isEqualTo(V1);
        assertThat(coldStart.servedBy()).isEqualTo(backend.address());
        assertThat(coldStart.duration()).isPositive().isLessThan(Duration.ofSeconds(10));
        assertThat(h.client.get(HOST).status()).isEqualTo(200);
        assertThat(coldStarts).hasSize(1);
    }

    private RouterHarness route(RouterHarness harness, RevisionSettings settings) {
        harness.router.update(RouteTable.builder().host(HOST, V1).revision(V1, settings).build());
        return harness;
    }

    private double held() {
        return h.registry.get(RevisionMeters.HELD).tag("revision", V1.name()).gauge().value();
    }

    private Future<String> post(String body) {
        return h.client.vertxClient().request(h.client.options(HttpMethod.POST, HOST, "/upload"))
                .compose(request -> request.send(Buffer.buffer(body)))
                .compose(HttpClientResponse::body).map(Buffer::toString);
    }

    private static long count(List<Future<TestClient.Answer>> answers, int status) {
        return answers.stream().filter(a -> a.succeeded() && a.result().status() == status).count();
    }
}

package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConcurrencyIT {

    private static final RevisionId V1 = revision("single-00001");

    private RouterHarness h;
    private Backend backend;
    private final List<HttpServerRequest> held = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        h = new RouterHarness();
        backend = h.backend("v1").behave(held::add);
        h.ready(V1, backend);
        h.router.update(RouteTable.builder().host("single.default.localhost", V1)
                .revision(V1, new RevisionSettings(30, 1)).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void containerConcurrencyOneQueuesTenAndRejectsTheRest() {
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            answers.add(h.client.send(h.client.options(HttpMethod.GET, "single.default.localhost", "/" + i)));
        }

        // 1 at the instance, 10 queued (10 × containerConcurrency), 5 rejected.
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 503) == 5);
        // The admitted request may still be on its way to the instance when the rejections are in (a loaded machine).
        await().atMost(Duration.ofSeconds(10)).until(() -> !held.isEmpty());
        assertThat(held).hasSize(1);
        assertThat(answers.stream().filter(a -> a.result() != null && a.result().status() == 503).findFirst()
                .orElseThrow().result().body()).startsWith("revision default/single-00001 is overloaded");

        backend.behave(Backend::echoHeaders);
        held.forEach(request -> backend.finish(request, "held"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 200) == 11);
        assertThat(backend.maxInFlight.get()).isEqualTo(1);
        assertThat(backend.requests.get()).isEqualTo(11);
    }

    @Test
    void neverMoreThanOneInFlightUnderSustainedLoad() {
        backend.behave(request -> h.vertx.setTimer(5, t -> request.response().end("ok")));
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            for (int i = 0; i < 8; i++) {
                answers.add(h.client.send(h.client.options(HttpMethod.GET, "single.default.localhost", "/")));
            }
            int expected = answers.size();
            await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 200) == expected);
        }
        assertThat(backend.maxInFlight.get()).isEqualTo(1);
    }

    private static long count(List<Future<TestClient.Answer>> answers, int status) {
        return answers.stream().filter(a -> a.succeeded() && a.result().status() == status).count();
    }
}

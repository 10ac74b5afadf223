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

/**
 * With ready instances, the activator in the path (the autoscaler's EBC < 0) lets requests beyond
 * containerConcurrency wait up to maxHeldPerRevision; out of the path each ready instance queues 10 × CC.
 */
class ActivatorPathIT {

    private static final RevisionId V1 = revision("burst-00001");
    private static final String HOST = "burst.default.localhost";

    private RouterHarness h;
    private final List<HttpServerRequest> atInstance = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        h = new RouterHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void activatorInThePathQueuesEveryRequestAndKeepsContainerConcurrency() {
        h.signals.activatorInPath(V1, true); // before the revision is routed: remembered
        Backend backend = h.backend("one").behave(atInstance::add);
        h.ready(V1, backend);
        route();

        List<Future<TestClient.Answer>> answers = send(40);
        await().atMost(Duration.ofSeconds(10)).until(() -> inFlight() == 40 && atInstance.size() == 1);
        assertThat(answers).noneMatch(Future::isComplete);

        backend.behave(request -> h.vertx.setTimer(5, t -> request.response().end("ok")));
        atInstance.forEach(request -> backend.finish(request, "first"));
        await().atMost(Duration.ofSeconds(20)).until(() -> count(answers, 200) == 40);
        assertThat(backend.maxInFlight.get()).isEqualTo(1);
        assertThat(backend.requests.get()).isEqualTo(40);
    }

    @Test
    void activatorTakenOutOfThePathQueuesTenPerInstanceAndRejectsTheRest() {
        h.signals.activatorInPath(V1, true);
        h.signals.activatorInPath(V1, false);
        Backend backend = h.backend("one").behave(atInstance::add);
        h.ready(V1, backend);
        route();

        List<Future<TestClient.Answer>> answers = send(40);

        // 1 at the instance, 10 queued (10 × containerConcurrency × 1 instance), 29 rejected.
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 503) == 29);
        assertThat(answers.stream().filter(a -> a.succeeded() && a.result().status() == 503).findFirst()
                .orElseThrow().result().body()).startsWith("revision default/burst-00001 is overloaded: "
                        + "containerConcurrency 1 reached on every instance and 10 requests queued");
        backend.behave(Backend::echoHeaders);
        atInstance.forEach(request -> backend.finish(request, "first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 200) == 11);
        assertThat(backend.maxInFlight.get()).isEqualTo(1);
    }

    @Test
    void outOfThePathTheQueueBoundGrowsWithReadyInstances() {
        Backend a = h.backend("a").behave(atInstance::add);
        Backend b = h.backend("b").behave(atInstance::add);
        h.ready(V1, a, b);
        route();

        List<Future<TestClient.Answer>> answers = send(40);

        // 2 at the instances, 20 queued (10 per ready instance), 18 rejected.
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 503) == 18);
        assertThat(atInstance).hasSize(2);
        a.behave(Backend::echoHeaders);
        b.behave(Backend::echoHeaders);
        atInstance.forEach(request -> (request.response().headers().get("X-Backend").equals("a") ? a : b)
                .finish(request, "first"));
        await().atMost(Duration.ofSeconds(10)).until(() -> count(answers, 200) == 22);
        assertThat(a.maxInFlight.get()).isEqualTo(1);
        assertThat(b.maxInFlight.get()).isEqualTo(1);
    }

    private void route() {
        h.router.update(RouteTable.builder().host(HOST, V1).revision(V1, new RevisionSettings(60, 1)).build());
    }

    private List<Future<TestClient.Answer>> send(int count) {
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            answers.add(h.client.send(h.client.options(HttpMethod.GET, HOST, "/" + i)));
        }
        return answers;
    }

    private double inFlight() {
        return h.registry.get(RevisionMeters.IN_FLIGHT).tag("revision", V1.name()).gauge().value();
    }

    private static long count(List<Future<TestClient.Answer>> answers, int status) {
        return answers.stream().filter(a -> a.succeeded() && a.result().status() == status).count();
    }
}

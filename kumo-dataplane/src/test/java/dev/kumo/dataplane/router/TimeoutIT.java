package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimeoutIT {

    private static final RevisionId V1 = revision("slow-00001");

    private RouterHarness h;
    private Backend backend;

    @BeforeEach
    void start() {
        h = new RouterHarness();
        backend = h.backend("v1");
        h.ready(V1, backend);
        h.router.update(RouteTable.builder().host("slow.default.localhost", V1)
                .revision(V1, new RevisionSettings(1, 0)).build());
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void noFirstByteWithinTimeoutSecondsIs504() {
        backend.behave(request -> h.vertx.setTimer(3000, t -> request.response().end("too late")));

        TestClient.Answer answer = h.client.get("slow.default.localhost");

        assertThat(answer.status()).isEqualTo(504);
        assertThat(answer.body()).isEqualTo(
                "revision default/slow-00001 did not start answering within timeoutSeconds 1\n");
    }

    @Test
    void timeSpentQueuedCountsTowardsTheTimeout() {
        RevisionId single = revision("single-00001");
        h.ready(single, backend);
        h.router.update(RouteTable.builder().host("single.default.localhost", single)
                .revision(single, new RevisionSettings(1, 1)).build());
        backend.behave(request -> h.vertx.setTimer(1500, t -> request.response().end("late")));

        long sent = System.nanoTime();
        Future<TestClient.Answer> first = h.client.send(h.client.options(HttpMethod.GET, "single.default.localhost", "/"));
        Future<TestClient.Answer> queued = h.client.send(h.client.options(HttpMethod.GET, "single.default.localhost", "/"));

        assertThat(TestClient.await(first).status()).isEqualTo(504);
        assertThat(TestClient.await(queued).status()).isEqualTo(504);
        // Had the queued request's clock started only once admitted (when the first timed out, at 1 s), its 504
        // would come at 2 s at the earliest. (Counting the backend's concurrent requests raced the router's release
        // of the first request's slot against the backend noticing that request's abort.)
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isLessThan(Duration.ofMillis(1900));
    }

    @Test
    void aResponseStartedInTimeMayStreamLonger() {
        backend.behave(request -> {
            request.response().setChunked(true).write("started ");
            h.vertx.setTimer(1500, t -> request.response().end("and finished"));
        });

        TestClient.Answer answer = h.client.get("slow.default.localhost");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("started and finished");
    }
}

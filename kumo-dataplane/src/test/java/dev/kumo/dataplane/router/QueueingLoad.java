package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.DoubleAdder;

/**
 * What the autoscaler reads (KPA's metrics: the per-second load samples, and the instance's in-flight count) for
 * one load: 4 requests of 1.5 s at once to a revision of containerConcurrency 2 — the Netty front forwards two and
 * hands the other two to the Vert.x gate, which queues them (the Vert.x router alone queues them itself).
 */
final class QueueingLoad {

    private static final Duration DEADLINE = Duration.ofSeconds(10);

    /** What one router reported; {@code clientSeconds}: the 4 requests' own times. */
    record Summary(String statuses, int instanceMaxInFlight, long requests, double requestSeconds,
            double clientSeconds) {

        /**
         * 4 requests for 1.5 s, then the 2 queued for 1.5 s more: at least 9 request-seconds, the queued ones
         * counted (6 without them), and about what the client waited in all (the forwarded two counted twice: 12).
         * The margin is the load tick's: a tick late on a loaded machine stretches its second (LoadSamplesIT).
         */
        void assertAllCounted() {
            assertThat(statuses).isEqualTo("200200200200");
            assertThat(instanceMaxInFlight).isEqualTo(2);
            assertThat(requests).isEqualTo(4);
            assertThat(requestSeconds).isBetween(8.7, clientSeconds * 1.2);
        }
    }

    private QueueingLoad() {
    }

    /** Routes {@code busy} to {@code backend} (made slow) on {@code h}'s router, sends the load, sums its samples. */
    static Summary run(RouterHarness h, Backend backend, RevisionId busy) {
        backend.behave(request -> h.vertx.setTimer(1500, t -> request.response().end("slow")));
        List<LoadSample> samples = new CopyOnWriteArrayList<>();
        h.signals.onLoad((revision, sample) -> {
            if (revision.equals(busy)) {
                samples.add(sample);
            }
        });
        h.ready(busy, backend);
        h.router.update(RouteTable.builder().host("busy.default.localhost", busy)
                .revision(busy, new RevisionSettings(30, 2)).build());
        await().atMost(DEADLINE).until(() -> !samples.isEmpty()); // zero samples flow once instances exist
        samples.clear();

        List<Future<TestClient.Answer>> sent = new ArrayList<>();
        DoubleAdder clientSeconds = new DoubleAdder();
        for (int i = 0; i < 4; i++) {
            long start = System.nanoTime();
            sent.add(h.client.send(h.client.options(HttpMethod.GET, "busy.default.localhost", "/"))
                    .onComplete(done -> clientSeconds.add((System.nanoTime() - start) / 1e9)));
        }
        await().atMost(DEADLINE).until(() -> h.router.inFlight(busy, backend.address()) == 2);
        String statuses = sent.stream().map(answer -> String.valueOf(TestClient.await(answer).status()))
                .reduce("", String::concat);
        await().atMost(DEADLINE).until(() -> samples.size() >= 2 && samples.getLast().averageConcurrency() == 0
                && h.router.inFlight(busy, backend.address()) == 0);
        return new Summary(statuses, backend.maxInFlight.get(),
                samples.stream().mapToLong(LoadSample::requests).sum(),
                samples.stream().mapToDouble(LoadSample::averageConcurrency).sum(), clientSeconds.sum());
    }
}

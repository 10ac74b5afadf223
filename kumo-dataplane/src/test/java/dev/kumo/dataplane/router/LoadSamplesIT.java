package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.LoadSample;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RouteTable;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The per-second load samples and the Prometheus meters match a known load. */
class LoadSamplesIT {

    private static final RevisionId V1 = revision("busy-00001");
    private static final String HOST = "busy.default.localhost";
    private static final long SLOW_MILLIS = 3500;

    /** A sample and when it reached the test ({@link System#nanoTime()}). */
    private record Delivered(long atNanos, LoadSample sample) {
    }

    private RouterHarness h;
    private final List<Delivered> samples = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        // One event loop: its tick closes the window and delivers the sample in one task, so the time between two
        // deliveries is the second window's own length (a late tick stretches it; the test then weighs it so).
        h = new RouterHarness(RouterHarness.CONFIG.withEventLoops(1));
        h.ready(V1, h.backend("slow").behave(request -> h.vertx.setTimer(SLOW_MILLIS,
                t -> request.response().end("slow"))));
        h.router.update(RouteTable.builder().host(HOST, V1).build());
        h.signals.onLoad((revision, sample) -> {
            if (revision.equals(V1)) {
                samples.add(new Delivered(System.nanoTime(), sample));
            }
        });
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void fourConcurrentSlowRequestsAverageFourInFlight() {
        await().atMost(Duration.ofSeconds(5)).until(() -> !samples.isEmpty()); // zero samples: instances exist
        assertThat(samples.get(0).sample().averageConcurrency()).isZero();
        int before = samples.size(); // the windows after this delivery hold the requests

        AtomicLongArray took = new AtomicLongArray(4);
        List<Future<TestClient.Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            int request = i;
            long sent = System.nanoTime();
            answers.add(h.client.send(h.client.options(HttpMethod.GET, HOST, "/"))
                    .onComplete(done -> took.set(request, System.nanoTime() - sent)));
        }
        answers.forEach(a -> assertThat(TestClient.await(a).status()).isEqualTo(200));
        await().atMost(Duration.ofSeconds(5)).until(() -> samples.size() >= before + 5
                && samples.get(samples.size() - 1).sample().averageConcurrency() == 0);

        List<LoadSample> during = samples.subList(before, samples.size()).stream().map(Delivered::sample).toList();
        // Some window lies wholly inside the 3.5 s the requests took: exactly 4 in flight throughout.
        assertThat(during).anySatisfy(s -> assertThat(s.averageConcurrency()).isCloseTo(4, offset(0.05)));
        assertThat(during.stream().mapToLong(LoadSample::requests).sum()).isEqualTo(4);
        assertThat(during).extracting(LoadSample::epochSecond).doesNotHaveDuplicates().isSorted();
        // Each window's average times its own length (not a nominal second: a late tick stretches it) adds up to
        // the request-seconds spent in the router: at least the instance's 4 × 3.5 s, at most what the client saw.
        double requestSeconds = 0;
        for (int i = before; i < samples.size(); i++) {
            long windowNanos = samples.get(i).atNanos() - samples.get(i - 1).atNanos();
            requestSeconds += samples.get(i).sample().averageConcurrency() * windowNanos / 1e9;
        }
        double clientSeconds = 0;
        for (int i = 0; i < took.length(); i++) {
            clientSeconds += took.get(i) / 1e9;
        }
        System.out.printf("LoadSamplesIT request-seconds %.3f from the samples, %.3f as the client saw them%n",
                requestSeconds, clientSeconds);
        assertThat(requestSeconds).as("request-seconds from the samples; the client saw %.3f s", clientSeconds)
                .isBetween(4 * SLOW_MILLIS / 1000.0 - 0.05, clientSeconds + 0.1);
    }

    @Test
    void prometheusMetersCountRequestsByClassAndLatency() {
        h.ready(V1, h.backend("fast"));
        for (int i = 0; i < 3; i++) {
            assertThat(h.client.get(HOST).status()).isEqualTo(200);
        }

        // No owners known to this router: the service and configuration labels are there, empty.
        String tags = "configuration=\"\",namespace=\"default\",revision=\"busy-00001\",service=\"\"";
        // The client can read an answer before the router's end-of-response handler has counted the request out.
        String scrape = await("in flight back to 0").atMost(Duration.ofSeconds(10)).until(h.registry::scrape,
                text -> text.contains("kumo_router_in_flight_requests{" + tags + "} 0.0"));
        assertThat(scrape).contains("kumo_router_requests_total{code_class=\"2xx\"," + tags + "} 3.0")
                .contains("kumo_router_request_duration_seconds_count{" + tags + "} 3")
                .contains("kumo_router_request_duration_seconds_bucket{" + tags + ",le=\"0.1\"}")
                .contains("kumo_router_in_flight_requests{" + tags + "} 0.0")
                .contains("kumo_activator_held_requests{" + tags + "} 0.0")
                .contains("kumo_cold_start_seconds_count{" + tags + "} 0");

        h.router.update(RouteTable.empty());
        assertThat(h.registry.scrape()).doesNotContain("busy-00001");
    }
}

package dev.kumo.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A quick throughput figure: concurrent producers post events (fsync on), one Trigger delivers them to a real
 * subscriber; prints events/s accepted and delivered, and p50/p99 of the 202 round trip and of post → delivery.
 */
class ThroughputIT {

    private static final int PRODUCERS = 16;
    private static final int EVENTS = 6_000;

    @TempDir
    Path dir;

    @Test
    void measuresAcceptedAndDeliveredEventsPerSecond() throws Exception {
        Vertx vertx = Vertx.vertx();
        Map<String, Instant> sent = new ConcurrentHashMap<>();
        Map<String, Duration> acked = new ConcurrentHashMap<>();
        try (RecordingSubscriber subscriber = RecordingSubscriber.start(vertx);
                EventMesh mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")),
                        Clock.systemUTC())) {
            mesh.upsertBroker(new BrokerSpec(new BrokerRef("default", "b")));
            mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "all"), "b", event -> true,
                    subscriber.uri(), DeliverySpec.NONE));
            Ingress ingress = new Ingress(mesh.port());

            Instant start = Instant.now();
            try (ExecutorService producers = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int p = 0; p < PRODUCERS; p++) {
                    int producer = p;
                    producers.submit(() -> {
                        for (int i = producer; i < EVENTS; i += PRODUCERS) {
                            String id = "t-" + i;
                            Instant at = Instant.now();
                            sent.put(id, at);
                            if (ingress.postBinary("/default/b", id, "t").statusCode() == 202) {
                                acked.put(id, Duration.between(at, Instant.now()));
                            }
                        }
                    });
                }
            }
            Instant allAccepted = Instant.now();
            await().atMost(Duration.ofSeconds(120)).until(() -> subscriber.received().size() >= EVENTS);
            Instant allDelivered = subscriber.received().stream().map(RecordingSubscriber.Received::at)
                    .max(Instant::compareTo).orElseThrow();

            List<Duration> endToEnd = new ArrayList<>();
            subscriber.received().forEach(got -> endToEnd.add(Duration.between(sent.get(got.event().getId()),
                    got.at())));
            assertThat(acked).hasSize(EVENTS);
            System.out.printf("ThroughputIT: %d events, %d producers, fsync on: accepted %.0f events/s, delivered"
                    + " %.0f events/s end to end; 202 p50 %.1f ms p99 %.1f ms; post→delivery p50 %.1f ms p99 %.1f ms%n",
                    EVENTS, PRODUCERS, rate(start, allAccepted), rate(start, allDelivered),
                    percentile(new ArrayList<>(acked.values()), 50), percentile(new ArrayList<>(acked.values()), 99),
                    percentile(endToEnd, 50), percentile(endToEnd, 99));
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static double rate(Instant from, Instant to) {
        return EVENTS * 1000.0 / Math.max(1, Duration.between(from, to).toMillis());
    }

    private static double percentile(List<Duration> samples, int percentile) {
        List<Duration> sorted = samples.stream().sorted().toList();
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)).toNanos() / 1_000_000.0;
    }
}

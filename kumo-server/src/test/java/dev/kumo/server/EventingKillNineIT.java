package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #5's promise at server level: {@code kill -9} of {@code kumo server} in the middle of a burst of 10,000
 * events to a Broker, then a restart on the same data directory: every event that was answered 202 reaches the
 * Trigger's subscriber (a real HTTP server in this test) at least once, counted by id.
 */
class EventingKillNineIT {

    private static final int EVENTS = 10_000;
    private static final int PRODUCERS = 4;
    private static final int ACKS_BEFORE_KILL = 3_000;
    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String EVENTING = "/apis/eventing.knative.dev/v1/namespaces/default/";

    @TempDir
    Path dataDir;

    @Test
    void everyEventAnswered202IsDeliveredAfterKillNineAndRestart() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (EventRecorder subscriber = EventRecorder.start()) {
            try (ServerProcess first = ServerProcess.start(dataDir)) {
                await().atMost(SETTLE).until(first::ready);
                TestApi api = new TestApi(first.access());
                api.create(EVENTING + "brokers", EventingIT.broker("default"));
                api.create(EVENTING + "triggers", EventingIT.trigger("all", "default",
                        "{\"uri\":\"" + subscriber.uri() + "\"}", null));
                String address = api.awaitCondition(EVENTING + "brokers/default", "Ready", "True")
                        .at("/status/address/url").asText();
                api.awaitCondition(EVENTING + "triggers/all", "Ready", "True");

                Burst burst = new Burst(address, "burst-", EVENTS);
                AtomicInteger next = new AtomicInteger();
                ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
                for (int p = 0; p < PRODUCERS; p++) {
                    producers.execute(() -> burst.produce(next, accepted));
                }
                await().atMost(SETTLE).until(() -> accepted.size() >= ACKS_BEFORE_KILL);
                first.kill();
                producers.shutdown();
                assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                assertThat(next.get()).as("killed during the burst").isLessThan(EVENTS);
            }
            Set<String> acked = Set.copyOf(accepted);
            try (ServerProcess second = ServerProcess.start(dataDir)) {
                await().atMost(SETTLE).until(second::ready);
                await("every accepted event delivered").atMost(Duration.ofSeconds(120)).pollInterval(
                        Duration.ofMillis(500)).until(() -> subscriber.ids().containsAll(acked));
                assertThat(second.terminate()).isZero();
            }
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(subscriber.ids());
            assertThat(missing).isEmpty();
            assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        }
    }
}

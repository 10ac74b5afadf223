package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #14's durability promise: {@code kill -9} of {@code kumo server} during a burst into a three-step Sequence,
 * then a restart on the same data directory: every event answered 202 reaches the end of the Sequence at least once,
 * having passed every step (its data carries each step's suffix).
 */
class SequenceKillNineIT {

    private static final int EVENTS = 4_000;
    private static final int PRODUCERS = 4;
    private static final int ACKS_BEFORE_KILL = 1_000;
    private static final Duration SETTLE = Duration.ofSeconds(60);

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyEventAnswered202ReachesTheEndOfTheSequenceAfterKillNineAndRestart() throws Exception {
        Set<String> accepted = ConcurrentHashMap.newKeySet();
        try (EventsHub step1 = EventsHub.replyingWithAppendedData("-1");
                EventsHub step2 = EventsHub.replyingWithAppendedData("-2");
                EventsHub step3 = EventsHub.replyingWithAppendedData("-3");
                EventsHub sink = EventsHub.recorder()) {
            // A fixed eventing address, as in production: channel addresses survive the restart.
            String eventing = "127.0.0.1:" + freePort();
            try (ServerProcess first = ServerProcess.start(dataDir, "--eventing-addr", eventing)) {
                await().atMost(SETTLE).until(first::ready);
                TestApi api = new TestApi(first.access());
                api.create(FlowsIT.FLOWS + "sequences", "{\"apiVersion\":\"flows.knative.dev/v1\","
                        + "\"kind\":\"Sequence\",\"metadata\":{\"name\":\"burst\"},\"spec\":{\"steps\":["
                        + "{\"uri\":\"" + step1.uri() + "\"},{\"uri\":\"" + step2.uri() + "\"},{\"uri\":\""
                        + step3.uri() + "\"}],\"reply\":{\"uri\":\"" + sink.uri() + "\"}}}");
                String address = api.awaitCondition(FlowsIT.FLOWS + "sequences/burst", "Ready", "True")
                        .at("/status/address/url").asText();

                AtomicInteger next = new AtomicInteger();
                ExecutorService producers = Executors.newFixedThreadPool(PRODUCERS);
                for (int p = 0; p < PRODUCERS; p++) {
                    producers.execute(() -> produce(address, next, accepted));
                }
                await().atMost(SETTLE).until(() -> accepted.size() >= ACKS_BEFORE_KILL);
                first.kill();
                producers.shutdown();
                assertThat(producers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
                assertThat(next.get()).as("killed during the burst").isLessThan(EVENTS);
            }
            Set<String> acked = Set.copyOf(accepted);
            try (ServerProcess second = ServerProcess.start(dataDir, "--eventing-addr", eventing)) {
                await().atMost(SETTLE).until(second::ready);
                await("every accepted event at the end of the sequence").atMost(Duration.ofSeconds(180))
                        .pollInterval(Duration.ofMillis(500)).until(() -> ended(sink).containsAll(acked));
                assertThat(second.terminate()).isZero();
            }
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(ended(sink));
            assertThat(missing).isEmpty();
            assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        }
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The ids that reached the sink having passed the three steps. */
    private static Set<String> ended(EventsHub sink) {
        return sink.received().stream().filter(event -> event.data().equals(event.id() + "-1-2-3"))
                .map(EventsHub.Event::id).collect(Collectors.toSet());
    }

    /** Posts events until all are sent or the server is gone; records the ids answered 202. */
    private void produce(String address, AtomicInteger next, Set<String> accepted) {
        for (int i = next.getAndIncrement(); i < EVENTS; i = next.getAndIncrement()) {
            String id = "seq-" + i;
            try {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(address))
                        .timeout(Duration.ofSeconds(10)).header("ce-specversion", "1.0").header("ce-id", id)
                        .header("ce-type", "dev.kumo.burst").header("ce-source", "/kill-nine")
                        .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(id)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 202) {
                    accepted.add(id);
                }
            } catch (Exception e) {
                return; // the server was killed under us: that is the point of the test
            }
        }
    }
}

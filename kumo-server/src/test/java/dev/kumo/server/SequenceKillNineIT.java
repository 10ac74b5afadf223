package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.core.ConditionTimeoutException;
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

                Burst burst = new Burst(address, "seq-", EVENTS);
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
            try (ServerProcess second = ServerProcess.start(dataDir, "--eventing-addr", eventing)) {
                await().atMost(SETTLE).until(second::ready);
                try {
                    await("every accepted event at the end of the sequence").atMost(Duration.ofSeconds(180))
                            .pollInterval(Duration.ofMillis(500)).until(() -> ended(sink).containsAll(acked));
                } catch (ConditionTimeoutException e) {
                    throw new AssertionError(whereTheyStopped(acked, List.of(step1, step2, step3, sink)), e);
                }
                assertThat(second.terminate()).isZero();
            }
            Set<String> missing = new HashSet<>(acked);
            missing.removeAll(ended(sink));
            assertThat(missing).isEmpty();
            assertThat(acked).hasSizeGreaterThanOrEqualTo(ACKS_BEFORE_KILL);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** What each hub received of the first accepted events that did not end (a lost reply body showed as "-2-3"). */
    private static String whereTheyStopped(Set<String> acked, List<EventsHub> hubs) {
        Set<String> missing = new TreeSet<>(acked);
        missing.removeAll(ended(hubs.getLast()));
        StringBuilder seen = new StringBuilder(missing.size() + " of " + acked.size() + " accepted events did not end");
        for (String id : missing.stream().limit(3).toList()) {
            seen.append("; ").append(id).append(" received as");
            for (EventsHub hub : hubs) {
                seen.append(' ').append(hub.received().stream().filter(event -> event.id().equals(id))
                        .map(EventsHub.Event::data).toList());
            }
        }
        return seen.toString();
    }

    /** The ids that reached the sink having passed the three steps. */
    private static Set<String> ended(EventsHub sink) {
        return sink.received().stream().filter(event -> event.data().equals(event.id() + "-1-2-3"))
                .map(EventsHub.Event::id).collect(Collectors.toSet());
    }
}

package dev.kumo.eventing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.RecordingSubscriber.Answer;
import dev.kumo.eventing.api.BackoffPolicy;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #10's proof: 2,400 generated CloudEvents (binary and structured, odd {@code ce-*} headers) posted to a broker
 * byte for byte. Every request is answered, none with a 5xx, and every event answered 202 is delivered or
 * dead-lettered — counted by id — with nothing dropped and no dispatcher failure.
 */
class BrokerFuzzIT {

    private static final int EVENTS = 2_400;
    private static final int SENDERS = 4;
    private static final long SEED = Long.getLong("fuzz.seed", 20261205L);
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    private static final Pattern FUZZ_ID = Pattern.compile("^fz-(\\d+)-");
    private static final BrokerRef BROKER = new BrokerRef("default", "fuzz");

    @TempDir
    Path dir;

    private Vertx vertx;
    private RecordingSubscriber subscriber;
    private RecordingSubscriber deadLetters;
    private EventMesh mesh;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        subscriber = RecordingSubscriber.start(vertx, got -> got.event().getType().startsWith("reject.")
                ? Answer.body(400, "text/plain", "refused by the test") : Answer.status(202));
        deadLetters = RecordingSubscriber.start(vertx);
        mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")), Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(BROKER, DeliverySpec.NONE.withRetry(1)
                .withBackoff(BackoffPolicy.LINEAR, Duration.ofMillis(10)).withDeadLetterSink(deadLetters.uri())));
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", "all"), "fuzz", event -> true, subscriber.uri(),
                DeliverySpec.NONE));
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
        subscriber.close();
        deadLetters.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void everyAcceptedEventIsDeliveredOrDeadLetteredAndNoRequestIsUnansweredOr5xx() throws Exception {
        FuzzedEvents events = new FuzzedEvents(SEED);
        List<RawHttp.Request> requests = IntStream.range(0, EVENTS).mapToObj(n -> events.next(n, "/default/fuzz"))
                .toList();
        Map<Integer, Integer> statusOf = new ConcurrentHashMap<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        try {
            List<Future<?>> sent = IntStream.range(0, EVENTS).mapToObj(n -> senders.submit(() -> statusOf.put(n,
                    RawHttp.send(mesh.port(), requests.get(n), ANSWER_TIMEOUT)))).collect(Collectors.toList());
            for (Future<?> one : sent) {
                one.get(2, TimeUnit.MINUTES);
            }
        } finally {
            senders.shutdownNow();
        }

        Map<Integer, Long> byStatus = new TreeMap<>(statusOf.values().stream()
                .collect(Collectors.groupingBy(s -> s, Collectors.counting())));
        System.out.println("BrokerFuzzIT seed " + SEED + ": answers by status " + byStatus + ", counters "
                + mesh.counters());
        Set<Integer> accepted = statusOf.entrySet().stream().filter(e -> e.getValue() == 202).map(Map.Entry::getKey)
                .collect(Collectors.toSet());
        assertThat(statusOf).hasSize(EVENTS);
        assertThat(byStatus).as("unanswered requests").doesNotContainKey(RawHttp.UNANSWERED);
        assertThat(byStatus.keySet()).as("statuses").allSatisfy(status -> assertThat(status).isBetween(202, 499));
        assertThat(accepted).as("enough events are valid for the run to mean something").hasSizeGreaterThan(EVENTS / 3);

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> assertThat(arrived()).as(() -> "not arrived: "
                + accepted.stream().filter(n -> !arrived().contains(n)).limit(5).map(requests::get).toList())
                .containsAll(accepted));
        assertThat(fuzzNumbers(deadLetters)).as("dead-lettered events were the rejected ones")
                .allSatisfy(n -> assertThat(requests.get(n).toString()).contains("reject."));
        assertThat(mesh.counters().dropped()).as("dropped").isZero();
        assertThat(mesh.counters().dispatchFailures()).as("dispatch failures").isZero();
        assertThat(mesh.counters().accepted()).isEqualTo(accepted.size());
        assertThat(mesh.dispatchProblem(new TriggerRef("default", "all"))).isEmpty();
    }

    /** The fuzz numbers delivered (a 2xx from the subscriber) or dead-lettered. */
    private Set<Integer> arrived() {
        Set<Integer> arrived = fuzzNumbers(deadLetters);
        subscriber.received().stream().filter(got -> !got.event().getType().startsWith("reject."))
                .map(got -> got.event().getId()).map(BrokerFuzzIT::fuzzNumber).forEach(arrived::add);
        return arrived;
    }

    private static Set<Integer> fuzzNumbers(RecordingSubscriber recorder) {
        return recorder.ids().stream().map(BrokerFuzzIT::fuzzNumber).collect(Collectors.toSet());
    }

    private static int fuzzNumber(String id) {
        Matcher matcher = FUZZ_ID.matcher(id);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }
}

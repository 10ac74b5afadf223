package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.Ingress;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.RecordingSubscriber.Answer;
import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import dev.kumo.eventing.delivery.DeadLetters;
import dev.kumo.eventing.delivery.KnativeExtensions;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delivery over real sockets to real subscribers: fan-out, filtering, replies, retries and dead letters. */
class DispatchIT {

    private static final BrokerRef BROKER = new BrokerRef("default", "b");
    private static final String PATH = "/default/b";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Vertx vertx;
    private EventMesh mesh;
    private Ingress ingress;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
        mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")), Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(BROKER));
        ingress = new Ingress(mesh.port());
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void twoMatchingTriggersDeliverTwiceAndANonMatchingOneNever() throws Exception {
        try (RecordingSubscriber shared = RecordingSubscriber.start(vertx);
                RecordingSubscriber other = RecordingSubscriber.start(vertx)) {
            trigger("one", type("a"), shared.uri(), DeliverySpec.NONE);
            trigger("two", type("a"), shared.uri(), DeliverySpec.NONE);
            trigger("three", type("other"), other.uri(), DeliverySpec.NONE);

            assertThat(ingress.postBinary(PATH, "a-1", "a").statusCode()).isEqualTo(202);
            assertThat(ingress.postBinary(PATH, "o-1", "other").statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> mesh.counters().delivered() == 3);
            assertThat(shared.ids()).containsExactly("a-1", "a-1");
            assertThat(other.ids()).containsExactly("o-1");
            // What the core client sends (plain HTTP goes through it): the agent and the wish for a reply.
            assertThat(other.received().getFirst().headers().get("User-Agent")).isEqualTo("kumo-eventing");
            assertThat(other.received().getFirst().headers().get("Prefer")).isEqualTo("reply");
        }
    }

    @Test
    void aReplyGoesBackIntoTheBrokerAndReachesItsOwnTrigger() throws Exception {
        CloudEvent reply = CloudEventBuilder.v1().withId("r-1").withSource(URI.create("/checker"))
                .withType("order.checked").withData("text/plain", "ok".getBytes(StandardCharsets.UTF_8)).build();
        try (RecordingSubscriber checker = RecordingSubscriber.start(vertx, got -> Answer.reply(reply));
                RecordingSubscriber shipping = RecordingSubscriber.start(vertx)) {
            trigger("check", type("order.created"), checker.uri(), DeliverySpec.NONE);
            trigger("ship", type("order.checked"), shipping.uri(), DeliverySpec.NONE);

            ingress.postBinary(PATH, "o-1", "order.created");

            await().atMost(WAIT).until(() -> shipping.received().size() == 1);
            CloudEvent got = shipping.received().getFirst().event();
            assertThat(got.getId()).isEqualTo("r-1");
            assertThat(new String(got.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("ok");
            assertThat(got.getExtension(KnativeExtensions.ARRIVAL_TIME)).isNotNull();
            assertThat(mesh.counters().replies()).isEqualTo(1);
        }
    }

    @Test
    void aReplyLoopStopsWhenItsTtlRunsOut() throws Exception {
        AtomicInteger replies = new AtomicInteger();
        try (RecordingSubscriber echo = RecordingSubscriber.start(vertx, got -> Answer.reply(CloudEventBuilder
                .v1(got.event()).withId("echo-" + replies.incrementAndGet()).build()))) {
            trigger("loop", type("ping"), echo.uri(), DeliverySpec.NONE);

            ingress.post(PATH, Map.of("ce-specversion", "1.0", "ce-id", "p-1", "ce-source", "/s", "ce-type", "ping",
                    "ce-knativebrokerttl", "3"), "");

            await().atMost(WAIT).until(() -> mesh.counters().repliesExpired() == 1);
            assertThat(echo.ids()).containsExactly("p-1", "echo-1", "echo-2");
            assertThat(mesh.counters().replies()).isEqualTo(2);
        }
    }

    @Test
    void a503IsRetriedWithLinearBackoffUntilItSucceeds() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RecordingSubscriber flaky = RecordingSubscriber.start(vertx,
                got -> calls.incrementAndGet() <= 2 ? Answer.status(503) : Answer.status(202))) {
            trigger("flaky", event -> true, flaky.uri(), DeliverySpec.NONE.withRetry(3)
                    .withBackoff(BackoffPolicy.LINEAR, Duration.ofMillis(200)));

            ingress.postBinary(PATH, "e-1", "t");

            await().atMost(WAIT).until(() -> mesh.counters().delivered() == 1);
            List<RecordingSubscriber.Received> attempts = flaky.received();
            assertThat(attempts).extracting(got -> got.event().getId()).containsExactly("e-1", "e-1", "e-1");
            assertThat(Duration.between(attempts.get(0).at(), attempts.get(1).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(190));
            assertThat(Duration.between(attempts.get(1).at(), attempts.get(2).at())).isGreaterThanOrEqualTo(
                    Duration.ofMillis(390));
            assertThat(mesh.counters().retries()).isEqualTo(2);
        }
    }

    @Test
    void afterTheLastAttemptTheEventGoesToTheDeadLetterSinkWithTheHtmlErrorBody() throws Exception {
        String html = "<!DOCTYPE html><html><body><h1>500 Internal Server Error</h1></body></html>";
        try (RecordingSubscriber broken = RecordingSubscriber.start(vertx,
                got -> Answer.body(500, "text/html", html));
                RecordingSubscriber sink = RecordingSubscriber.start(vertx)) {
            trigger("broken", event -> true, broken.uri(), DeliverySpec.NONE.withRetry(1)
                    .withBackoff(BackoffPolicy.EXPONENTIAL, Duration.ofMillis(10)).withDeadLetterSink(sink.uri()));

            ingress.postBinary(PATH, "e-1", "t");

            await().atMost(WAIT).until(() -> sink.received().size() == 1);
            CloudEvent dead = sink.received().getFirst().event();
            assertThat(dead.getId()).isEqualTo("e-1");
            assertThat(dead.getExtension(DeadLetters.ERROR_DEST)).isEqualTo(broken.uri().toString());
            assertThat(dead.getExtension(DeadLetters.ERROR_CODE)).isEqualTo("500");
            assertThat(Base64.getDecoder().decode((String) dead.getExtension(DeadLetters.ERROR_DATA)))
                    .asString(StandardCharsets.UTF_8).isEqualTo(html);
            assertThat(new String(dead.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"e-1\"}");
            assertThat(sink.received().getFirst().headers().get("Prefer")).isNull();
            assertThat(broken.ids()).containsExactly("e-1", "e-1");
            await().atMost(WAIT).until(() -> mesh.counters().deadLettered() == 1);
        }
    }

    @Test
    void a400IsNotRetriedAndWithoutDeadLetterSinkTheEventIsDroppedAndCounted() throws Exception {
        try (RecordingSubscriber refusing = RecordingSubscriber.start(vertx, got -> Answer.status(400))) {
            trigger("refusing", event -> true, refusing.uri(), DeliverySpec.NONE.withRetry(5));

            ingress.postBinary(PATH, "e-1", "t");

            await().atMost(WAIT).until(() -> mesh.counters().dropped() == 1);
            assertThat(refusing.ids()).containsExactly("e-1");
            assertThat(mesh.counters().retries()).isZero();
        }
    }

    @Test
    void aTriggerWithoutDeliveryUsesTheBrokersDeadLetterSink() throws Exception {
        try (RecordingSubscriber refusing = RecordingSubscriber.start(vertx, got -> Answer.status(403));
                RecordingSubscriber sink = RecordingSubscriber.start(vertx)) {
            mesh.upsertBroker(new BrokerSpec(BROKER, DeliverySpec.NONE.withDeadLetterSink(sink.uri())));
            trigger("refusing", event -> true, refusing.uri(), DeliverySpec.NONE);

            ingress.postBinary(PATH, "e-1", "t");

            await().atMost(WAIT).until(() -> sink.received().size() == 1);
            assertThat(sink.received().getFirst().event().getExtension(DeadLetters.ERROR_CODE)).isEqualTo("403");
        }
    }

    @Test
    void aSubscriberThatDoesNotAnswerTimesOutAndIsRetried() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        try (RecordingSubscriber slow = RecordingSubscriber.start(vertx, got -> calls.incrementAndGet() == 1
                ? Answer.hang() : Answer.status(202))) {
            trigger("slow", event -> true, slow.uri(), DeliverySpec.NONE.withRetry(1)
                    .withTimeout(Duration.ofMillis(300)));

            ingress.postBinary(PATH, "e-1", "t");

            await().atMost(WAIT).until(() -> mesh.counters().delivered() == 1);
            assertThat(slow.ids()).containsExactly("e-1", "e-1");
        }
    }

    private void trigger(String name, Predicate<CloudEvent> filter, URI subscriber, DeliverySpec delivery) {
        mesh.upsertTrigger(new TriggerSpec(new TriggerRef("default", name), "b", filter, subscriber, delivery));
    }

    private static Predicate<CloudEvent> type(String type) {
        return event -> event.getType().equals(type);
    }
}

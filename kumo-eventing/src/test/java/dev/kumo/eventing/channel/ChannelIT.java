package dev.kumo.eventing.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.Ingress;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.RecordingSubscriber.Answer;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.ChannelSubscriber;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.delivery.DeadLetters;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports of Knative's channel rekt scenarios (data_plane.go, topology.go) against the durable channel over real
 * sockets, with recording receivers standing in for rekt's events hub.
 */
class ChannelIT {

    private static final ChannelRef CHANNEL = new ChannelRef("default", "c");
    private static final String PATH = "/channels/default/c";
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
        mesh.upsertChannel(CHANNEL);
        ingress = new Ingress(mesh.port());
    }

    @AfterEach
    void stop() throws Exception {
        mesh.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void addressIsTheChannelPathOfTheIngress() {
        assertThat(mesh.channelAddress(CHANNEL)).contains(URI.create("http://127.0.0.1:" + mesh.port() + PATH));
        assertThat(mesh.channelAddress(new ChannelRef("default", "other"))).isEmpty();
    }

    @Test
    void binaryAndStructured03And10AreDeliveredWithoutSpecVersionUpgradeOrMutation() throws Exception {
        try (RecordingSubscriber hub = RecordingSubscriber.start(vertx)) {
            subscribe("s1", hub.uri(), Optional.empty(), DeliverySpec.NONE);
            assertThat(ingress.post(PATH, Map.of("ce-specversion", "0.3", "ce-id", "b03", "ce-source", "/t",
                    "ce-type", "t", "Content-Type", "text/plain", "traceparent",
                    "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"), "hello").statusCode())
                    .isEqualTo(202);
            assertThat(ingress.post(PATH, Map.of("ce-specversion", "1.0", "ce-id", "b10", "ce-source", "/t",
                    "ce-type", "t", "Content-Type", "text/plain"), "hello").statusCode()).isEqualTo(202);
            assertThat(ingress.post(PATH, Map.of("Content-Type", "application/cloudevents+json"),
                    "{\"specversion\":\"0.3\",\"id\":\"s03\",\"source\":\"/t\",\"type\":\"t\",\"data\":\"x\"}")
                    .statusCode()).isEqualTo(202);
            assertThat(ingress.post(PATH, Map.of("Content-Type", "application/cloudevents+json"),
                    "{\"specversion\":\"1.0\",\"id\":\"s10\",\"source\":\"/t\",\"type\":\"t\",\"data\":\"x\"}")
                    .statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> hub.received().size() == 4);
            Map<String, String> versions = new java.util.HashMap<>();
            hub.received().forEach(got -> versions.put(got.event().getId(), got.event().getSpecVersion().toString()));
            assertThat(versions).containsExactlyInAnyOrderEntriesOf(
                    Map.of("b03", "0.3", "b10", "1.0", "s03", "0.3", "s10", "1.0"));
            RecordingSubscriber.Received first = hub.received().stream()
                    .filter(got -> got.event().getId().equals("b03")).findFirst().orElseThrow();
            assertThat(new String(first.event().getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(first.event().getExtensionNames()).containsExactly("traceparent");
            assertThat(hub.received().stream().filter(got -> !got.event().getId().equals("b03")))
                    .allSatisfy(got -> assertThat(got.event().getExtensionNames()).isEmpty());
            assertThat(first.headers().get("traceparent"))
                    .isEqualTo("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
            assertThat(first.headers().get("Prefer")).isEqualTo("reply");
        }
    }

    @Test
    void malformedIsRefused400UnknownChannel404NonPost405() {
        assertThat(ingress.post(PATH, Map.of("ce-specversion", "1.0", "ce-source", "/t", "ce-type", "t"), "x")
                .statusCode()).isEqualTo(400);
        assertThat(ingress.post(PATH, Map.of("Content-Type", "application/cloudevents+json"), "{not json")
                .statusCode()).isEqualTo(400);
        assertThat(ingress.postBinary("/channels/default/nope", "1", "t").statusCode()).isEqualTo(404);
        assertThat(ingress.postBinary("/default/channel:c", "1", "t").statusCode()).isEqualTo(404);
        assertThat(ingress.send(PATH, "GET", Map.of(), null).statusCode()).isEqualTo(405);
        assertThat(ingress.send(PATH, "PUT", Map.of(), "x").statusCode()).isEqualTo(405);
    }

    @Test
    void everySubscriberGetsEveryEventAndAReplyGoesToTheReplyAfterSuccessOnly() throws Exception {
        try (RecordingSubscriber replies = RecordingSubscriber.start(vertx);
                RecordingSubscriber plain = RecordingSubscriber.start(vertx);
                RecordingSubscriber replying = RecordingSubscriber.start(vertx, got -> Answer.reply(
                        CloudEventBuilder.v1(got.event()).withData("text/plain",
                                (new String(got.event().getData().toBytes(), StandardCharsets.UTF_8) + "-step1")
                                        .getBytes(StandardCharsets.UTF_8)).build()))) {
            subscribe("plain", plain.uri(), Optional.empty(), DeliverySpec.NONE);
            subscribe("replying", replying.uri(), Optional.of(replies.uri()), DeliverySpec.NONE);

            assertThat(ingress.post(PATH, Map.of("ce-specversion", "1.0", "ce-id", "e1", "ce-source", "/t",
                    "ce-type", "dev.knative.sources.ping", "Content-Type", "text/plain"), "data").statusCode())
                    .isEqualTo(202);

            await().atMost(WAIT).until(() -> replies.received().size() == 1);
            assertThat(plain.ids()).containsExactly("e1");
            assertThat(replying.ids()).containsExactly("e1");
            CloudEvent reply = replies.received().get(0).event();
            assertThat(reply.getType()).isEqualTo("dev.knative.sources.ping");
            assertThat(reply.getDataContentType()).isEqualTo("text/plain");
            assertThat(new String(reply.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("data-step1");
        }
    }

    @Test
    void replyOnlySubscriptionForwardsTheEvent() throws Exception {
        try (RecordingSubscriber reply = RecordingSubscriber.start(vertx)) {
            mesh.upsertSubscriber(CHANNEL, new ChannelSubscriber("identity", Optional.empty(),
                    Optional.of(reply.uri()), DeliverySpec.NONE));
            assertThat(ingress.postBinary(PATH, "e1", "t").statusCode()).isEqualTo(202);
            await().atMost(WAIT).until(() -> reply.ids().equals(java.util.List.of("e1")));
        }
    }

    /**
     * topology.go's matrix: with retry = 1 a subscriber gets 2 attempts; failing both sends the original, annotated,
     * to the subscription's dead-letter sink when it has one, else the channel's (merged by the control plane into
     * the subscriber's delivery); succeeding on the second attempt sends nothing there, and the reply only follows
     * success.
     */
    @Test
    void deliveryMatrixAttemptsAreOnePlusRetryAndFailuresGoToTheDeadLetterSink() throws Exception {
        AtomicInteger onceCalls = new AtomicInteger();
        try (RecordingSubscriber subscriptionSink = RecordingSubscriber.start(vertx);
                RecordingSubscriber channelSink = RecordingSubscriber.start(vertx);
                RecordingSubscriber reply = RecordingSubscriber.start(vertx);
                RecordingSubscriber alwaysFails = RecordingSubscriber.start(vertx,
                        got -> Answer.body(500, "text/plain", "broken"));
                RecordingSubscriber failsOnce = RecordingSubscriber.start(vertx, got -> onceCalls.incrementAndGet()
                        == 1 ? Answer.status(503) : Answer.reply(got.event()))) {
            DeliverySpec retryOnce = DeliverySpec.NONE.withRetry(1);
            subscribe("sub1", alwaysFails.uri(), Optional.of(reply.uri()),
                    retryOnce.withDeadLetterSink(subscriptionSink.uri()));
            subscribe("sub2", alwaysFails.uri(), Optional.empty(), retryOnce.withDeadLetterSink(channelSink.uri()));
            subscribe("sub3", failsOnce.uri(), Optional.of(reply.uri()),
                    retryOnce.withDeadLetterSink(subscriptionSink.uri()));

            assertThat(ingress.postBinary(PATH, "m1", "t").statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> subscriptionSink.received().size() == 1
                    && channelSink.received().size() == 1 && reply.received().size() == 1);
            assertThat(alwaysFails.received()).hasSize(4);
            assertThat(failsOnce.received()).hasSize(2);
            CloudEvent dead = subscriptionSink.received().get(0).event();
            assertThat(dead.getId()).isEqualTo("m1");
            assertThat(dead.getExtension(DeadLetters.ERROR_DEST)).hasToString(alwaysFails.uri().toString());
            assertThat(dead.getExtension(DeadLetters.ERROR_CODE)).hasToString("500");
            assertThat(new String(Base64.getDecoder().decode(dead.getExtension(DeadLetters.ERROR_DATA).toString()),
                    StandardCharsets.UTF_8)).isEqualTo("broken");
            assertThat(channelSink.received().get(0).event().getId()).isEqualTo("m1");
        }
    }

    @Test
    void aFailingReplyDeadLettersTheOriginalNamingTheReply() throws Exception {
        try (RecordingSubscriber sink = RecordingSubscriber.start(vertx);
                RecordingSubscriber replyFails = RecordingSubscriber.start(vertx, got -> Answer.status(500));
                RecordingSubscriber replying = RecordingSubscriber.start(vertx, got -> Answer.reply(
                        CloudEventBuilder.v1(got.event()).withId("reply-1").build()))) {
            subscribe("r", replying.uri(), Optional.of(replyFails.uri()),
                    DeliverySpec.NONE.withRetry(2).withDeadLetterSink(sink.uri()));
            assertThat(ingress.postBinary(PATH, "orig", "t").statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> sink.received().size() == 1);
            assertThat(replyFails.ids()).containsExactly("reply-1", "reply-1", "reply-1");
            assertThat(replying.ids()).containsExactly("orig");
            CloudEvent dead = sink.received().get(0).event();
            assertThat(dead.getId()).isEqualTo("orig");
            assertThat(dead.getExtension(DeadLetters.ERROR_DEST)).hasToString(replyFails.uri().toString());
        }
    }

    @Test
    void aReplyToAnUnknownChannelOfThisMeshIsRetriedAndDeadLettered() throws Exception {
        URI typo = URI.create("http://127.0.0.1:" + mesh.port() + "/channels/default/typo");
        try (RecordingSubscriber sink = RecordingSubscriber.start(vertx);
                RecordingSubscriber replying = RecordingSubscriber.start(vertx, got -> Answer.reply(
                        CloudEventBuilder.v1(got.event()).withId("reply-1").build()))) {
            subscribe("r", replying.uri(), Optional.of(typo),
                    DeliverySpec.NONE.withRetry(2).withDeadLetterSink(sink.uri()));
            assertThat(ingress.postBinary(PATH, "orig", "t").statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> sink.received().size() == 1);
            CloudEvent dead = sink.received().get(0).event();
            assertThat(dead.getId()).isEqualTo("orig");
            assertThat(dead.getExtension(DeadLetters.ERROR_DEST)).hasToString(typo.toString());
            assertThat(dead.getExtension(DeadLetters.ERROR_CODE)).hasToString("404");
        }
    }

    @Test
    void oneUidOnTwoChannelsStaysTwoSubscribers() throws Exception {
        ChannelRef other = new ChannelRef("default", "other");
        mesh.upsertChannel(other);
        try (RecordingSubscriber first = RecordingSubscriber.start(vertx);
                RecordingSubscriber second = RecordingSubscriber.start(vertx)) {
            subscribe("same", first.uri(), Optional.empty(), DeliverySpec.NONE);
            mesh.upsertSubscriber(other, new ChannelSubscriber("same", Optional.of(second.uri()), Optional.empty(),
                    DeliverySpec.NONE));

            assertThat(ingress.postBinary(PATH, "to-c", "t").statusCode()).isEqualTo(202);
            assertThat(ingress.postBinary("/channels/default/other", "to-other", "t").statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> first.ids().contains("to-c") && second.ids().contains("to-other"));
            assertThat(first.ids()).containsExactly("to-c");
            assertThat(second.ids()).containsExactly("to-other");
        }
    }

    @Test
    void aRemovedChannelAnswers404() {
        mesh.removeChannel(CHANNEL);
        assertThat(ingress.postBinary(PATH, "1", "t").statusCode()).isEqualTo(404);
    }

    private void subscribe(String uid, URI subscriber, Optional<URI> reply, DeliverySpec delivery) {
        mesh.upsertSubscriber(CHANNEL, new ChannelSubscriber(uid, Optional.of(subscriber), reply, delivery));
    }
}

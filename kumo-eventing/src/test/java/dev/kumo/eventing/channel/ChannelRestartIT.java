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
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reply to one of the mesh's own channels is appended to its stream directly: right after a restart, before the
 * reconcilers have told the mesh about the next channel again, the reply is kept (its ingress would answer 404 and
 * a step without retries would lose it) and delivered once that channel's subscriber resumes.
 */
class ChannelRestartIT {

    private static final ChannelRef FIRST = new ChannelRef("default", "step-0");
    private static final ChannelRef NEXT = new ChannelRef("default", "step-1");

    @TempDir
    Path dir;

    @Test
    void aReplyToAChannelNotYetKnownAfterARestartIsKeptAndDelivered() throws Exception {
        Vertx vertx = Vertx.vertx();
        try (RecordingSubscriber step = RecordingSubscriber.start(vertx, got -> Answer.reply(
                CloudEventBuilder.v1(got.event()).withId("reply-" + got.event().getId()).build()));
                RecordingSubscriber sink = RecordingSubscriber.start(vertx)) {
            MeshConfig config = MeshConfig.defaults(dir.resolve("events.db"));
            EventMesh first = EventMesh.start(vertx, config, Clock.systemUTC());
            int port = first.port();
            URI next = URI.create("http://127.0.0.1:" + port + "/channels/default/step-1");
            serve(first, next, step.uri(), sink.uri(), true);
            first.close();

            EventMesh second = EventMesh.start(vertx, config.withPort(port), Clock.systemUTC());
            try {
                serve(second, next, step.uri(), sink.uri(), false);
                assertThat(new Ingress(port).postBinary("/channels/default/step-1", "direct", "t").statusCode())
                        .as("the next channel is not known yet").isEqualTo(404);
                assertThat(new Ingress(port).postBinary("/channels/default/step-0", "e1", "t").statusCode())
                        .isEqualTo(202);
                await().atMost(Duration.ofSeconds(15)).until(() -> step.ids().contains("e1"));

                second.upsertChannel(NEXT);
                second.upsertSubscriber(NEXT, new ChannelSubscriber("sink", Optional.of(sink.uri()),
                        Optional.empty(), DeliverySpec.NONE));

                await().atMost(Duration.ofSeconds(15)).until(() -> sink.ids().contains("reply-e1"));
            } finally {
                second.close();
            }
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private static void serve(EventMesh mesh, URI next, URI step, URI sink, boolean withNext) {
        mesh.upsertChannel(FIRST);
        mesh.upsertSubscriber(FIRST, new ChannelSubscriber("step", Optional.of(step), Optional.of(next),
                DeliverySpec.NONE));
        if (withNext) {
            mesh.upsertChannel(NEXT);
            mesh.upsertSubscriber(NEXT, new ChannelSubscriber("sink", Optional.of(sink), Optional.empty(),
                    DeliverySpec.NONE));
        }
    }
}

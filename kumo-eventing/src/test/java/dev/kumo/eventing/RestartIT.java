package dev.kumo.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.RecordingSubscriber.Answer;
import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import io.vertx.core.Vertx;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Closing and reopening the mesh on the same log: what was not delivered is, what was delivered is not again. */
class RestartIT {

    private static final BrokerRef BROKER = new BrokerRef("default", "b");
    private static final TriggerRef TRIGGER = new TriggerRef("default", "t");
    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private Vertx vertx;

    @BeforeEach
    void start() {
        vertx = Vertx.vertx();
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void undeliveredEventsAreDeliveredAfterReopeningAndDeliveredOnesAreNot() throws Exception {
        List<String> delivered = ids("d", 5);
        List<String> pending = ids("p", 5);
        try (RecordingSubscriber first = RecordingSubscriber.start(vertx);
                RecordingSubscriber second = RecordingSubscriber.start(vertx)) {
            try (EventMesh mesh = open(first.uri())) {
                Ingress ingress = new Ingress(mesh.port());
                delivered.forEach(id -> assertThat(ingress.postBinary("/default/b", id, "t").statusCode())
                        .isEqualTo(202));
                await().atMost(WAIT).until(() -> mesh.counters().delivered() == delivered.size());

                first.answer(got -> Answer.status(503));
                pending.forEach(id -> assertThat(ingress.postBinary("/default/b", id, "t").statusCode())
                        .isEqualTo(202));
                await().atMost(WAIT).until(() -> first.ids().containsAll(pending));
            }

            try (EventMesh mesh = open(second.uri())) {
                await().atMost(WAIT).until(() -> second.ids().containsAll(pending));
                assertThat(second.ids()).doesNotContainAnyElementsOf(delivered);
                assertThat(mesh.counters().delivered()).isGreaterThanOrEqualTo(pending.size());
                assertThat(first.ids()).hasSizeGreaterThanOrEqualTo(10);
            }
        }
    }

    private EventMesh open(URI subscriber) {
        EventMesh mesh = EventMesh.start(vertx, MeshConfig.defaults(dir.resolve("events.db")), Clock.systemUTC());
        mesh.upsertBroker(new BrokerSpec(BROKER));
        mesh.upsertTrigger(new TriggerSpec(TRIGGER, "b", event -> true, subscriber, DeliverySpec.NONE
                .withRetry(1000).withBackoff(BackoffPolicy.LINEAR, Duration.ofMillis(20))));
        return mesh;
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> prefix + "-" + i).toList();
    }
}

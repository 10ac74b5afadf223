package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.api.TriggerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.log.Retention;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue #10's reproduction: an event the dispatcher cannot read back never stops a Trigger. The ingress refuses what
 * it could not read back (a {@code ce-data} header beside a body); a stored event that still does not decode is dropped,
 * counted and logged once with its id; a dispatcher that cannot move on says so, and moves on once it can.
 */
class StrandedEventIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger dispatcherLog = (Logger) LoggerFactory.getLogger(TriggerDispatcher.class);
    private OneTriggerMesh fixture;

    @BeforeEach
    void captureTheLogAndStart() throws Exception {
        logged.start();
        dispatcherLog.addAppender(logged);
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")));
    }

    @AfterEach
    void stopAndRelease() throws Exception {
        fixture.close();
        dispatcherLog.detachAppender(logged);
    }

    @Test
    void theIssuesCurlIsRefusedNamingTheHeaderAndLaterEventsAreDelivered() {
        HttpResponse<String> response = fixture.ingress().post(OneTriggerMesh.PATH, Map.of("ce-specversion", "1.0",
                "ce-id", "p", "ce-source", "/x", "ce-type", "t", "ce-data", "x",
                "Content-Type", "application/x-www-form-urlencoded"), "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("ce-data", "reserved", "request body");
        assertThat(fixture.ingress().postBinary(OneTriggerMesh.PATH, "after", "t").statusCode()).isEqualTo(202);
        await().atMost(WAIT).until(() -> fixture.subscriber().ids().contains("after"));
        assertThat(fixture.subscriber().ids()).containsExactly("after");
    }

    @Test
    void aStoredEventThatDoesNotDecodeIsDroppedCountedAndLoggedOnceAndTheNextIsDelivered() throws Exception {
        fixture.close();
        try (EventLog log = EventLog.open(dir.resolve("events.db"), false, new Retention(Duration.ofHours(1), 1000),
                Clock.systemUTC())) {
            log.append(OneTriggerMesh.BROKER, CloudEventBuilder.v1().withId("unreadable").withSource(URI.create("/x"))
                    .withType("t").withExtension("data", "x").withData("{}".getBytes()).build(), Instant.now()).get();
            log.append(OneTriggerMesh.BROKER, CloudEventBuilder.v1().withId("readable").withSource(URI.create("/x"))
                    .withType("t").build(), Instant.now()).get();
        }
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")));

        await().atMost(WAIT).until(() -> fixture.subscriber().ids().contains("readable"));
        assertThat(fixture.subscriber().ids()).containsExactly("readable");
        assertThat(fixture.mesh().counters().dropped()).isEqualTo(1);
        assertThat(fixture.mesh().counters().dispatchFailures()).isEqualTo(1);
        assertThat(lines("id=unreadable")).singleElement().satisfies(line -> assertThat(line)
                .contains("trigger " + OneTriggerMesh.TRIGGER, "dropped", "cannot be decoded", "data_base64"));
        assertThat(fixture.mesh().dispatchProblem(OneTriggerMesh.TRIGGER)).isEmpty();
    }

    @Test
    void aDispatcherThatCannotMoveOnReportsItsProblemOnceAndRecovers() throws Exception {
        TriggerRef broken = new TriggerRef("default", "broken");
        List<TriggerRef> told = new CopyOnWriteArrayList<>();
        fixture.mesh().onDispatchProblem(told::add);
        try (RecordingSubscriber subscriber = RecordingSubscriber.start(fixture.vertx())) {
            fixture.mesh().upsertTrigger(new TriggerSpec(broken, "b", event -> {
                throw new InternalError("a filter that breaks its dispatcher");
            }, subscriber.uri(), DeliverySpec.NONE));

            assertThat(fixture.ingress().postBinary(OneTriggerMesh.PATH, "e-1", "t").statusCode()).isEqualTo(202);

            await().atMost(WAIT).until(() -> fixture.mesh().counters().dispatchFailures() >= 3);
            assertThat(fixture.mesh().dispatchProblem(broken)).hasValueSatisfying(problem -> assertThat(problem)
                    .contains("the dispatcher failed", "a filter that breaks its dispatcher"));
            assertThat(told).containsExactly(broken);
            assertThat(lines("a filter that breaks its dispatcher")).hasSize(1);
            await().atMost(WAIT).until(() -> fixture.subscriber().ids().contains("e-1"));

            fixture.mesh().upsertTrigger(new TriggerSpec(broken, "b", event -> true, subscriber.uri(),
                    DeliverySpec.NONE));

            await().atMost(WAIT).until(() -> subscriber.ids().contains("e-1"));
            await().atMost(WAIT).until(() -> fixture.mesh().dispatchProblem(broken).isEmpty());
            assertThat(told).containsExactly(broken, broken);
        }
    }

    private List<String> lines(String containing) {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).filter(line -> line.contains(containing))
                .toList();
    }
}

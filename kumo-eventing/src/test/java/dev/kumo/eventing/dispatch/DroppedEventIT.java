package dev.kumo.eventing.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.RecordingSubscriber.Answer;
import dev.kumo.eventing.api.BackoffPolicy;
import dev.kumo.eventing.api.BrokerSpec;
import dev.kumo.eventing.api.DeliverySpec;
import dev.kumo.eventing.api.MeshConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * An event whose delivery fails for good with nowhere else to go is dropped: counted in {@code dropped} and logged
 * exactly once with its id (captured from logback), whether there is no dead-letter sink or the sink failed too.
 */
class DroppedEventIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final DeliverySpec TWO_QUICK_RETRIES = DeliverySpec.NONE.withRetry(2)
            .withBackoff(BackoffPolicy.LINEAR, Duration.ofMillis(10));

    @TempDir
    Path dir;

    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger dispatchLog = (Logger) LoggerFactory.getLogger(EventDispatch.class);
    private OneTriggerMesh fixture;

    @BeforeEach
    void captureTheLogAndStart() throws Exception {
        logged.start();
        dispatchLog.addAppender(logged);
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")));
        fixture.subscriber().answer(got -> Answer.status(503));
    }

    @AfterEach
    void stopAndRelease() throws Exception {
        fixture.close();
        dispatchLog.detachAppender(logged);
    }

    @Test
    void withoutADeadLetterSinkTheEventIsCountedAndLoggedOnceWithItsId() throws Exception {
        fixture.mesh().upsertBroker(new BrokerSpec(OneTriggerMesh.BROKER, TWO_QUICK_RETRIES));

        assertThat(fixture.ingress().postBinary(OneTriggerMesh.PATH, "doomed-1", "t").statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> !linesAbout("doomed-1").isEmpty());
        fixture.close();
        assertThat(fixture.mesh().counters().dropped()).isEqualTo(1);
        assertThat(fixture.mesh().counters().retries()).isEqualTo(2);
        assertThat(fixture.subscriber().ids()).containsExactly("doomed-1", "doomed-1", "doomed-1");
        assertThat(linesAbout("doomed-1")).singleElement().satisfies(line -> assertThat(line)
                .contains("dropped event id=doomed-1", "503", "no dead-letter sink"));
    }

    @Test
    void whenTheDeadLetterSinkFailsTooTheEventIsCountedAndLoggedOnceWithItsId() throws Exception {
        RecordingSubscriber sink = RecordingSubscriber.start(fixture.vertx(), got -> Answer.status(500));
        fixture.mesh().upsertBroker(new BrokerSpec(OneTriggerMesh.BROKER,
                TWO_QUICK_RETRIES.withDeadLetterSink(sink.uri())));

        assertThat(fixture.ingress().postBinary(OneTriggerMesh.PATH, "doomed-2", "t").statusCode()).isEqualTo(202);

        await().atMost(WAIT).until(() -> !linesAbout("doomed-2").isEmpty());
        sink.close();
        fixture.close();
        assertThat(sink.ids()).containsExactly("doomed-2", "doomed-2", "doomed-2");
        assertThat(fixture.mesh().counters().dropped()).isEqualTo(1);
        assertThat(fixture.mesh().counters().deadLettered()).isZero();
        assertThat(linesAbout("doomed-2")).singleElement().satisfies(line -> assertThat(line)
                .contains("dropped event id=doomed-2", "the dead-letter sink", "failed too with 500"));
    }

    private List<String> linesAbout(String id) {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(line -> line.contains("id=" + id + " ")).toList();
    }
}

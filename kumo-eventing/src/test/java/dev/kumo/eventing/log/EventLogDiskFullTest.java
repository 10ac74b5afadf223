package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.eventing.TestEvents;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A full disk, made real inside the process: SQLite's {@code max_page_count} on the writer makes SQLite itself fail
 * appends with SQLITE_FULL, the error ENOSPC gives. Every caller of a failed batch must fail (none left waiting, none
 * told its event is stored), and the log must go on numbering from what it holds once there is room again — before,
 * every later append failed with "UNIQUE constraint failed: events.seq" until a restart.
 */
class EventLogDiskFullTest {

    private static final BrokerRef BROKER = new BrokerRef("default", "b");
    private static final TriggerRef TRIGGER = new TriggerRef("default", "t");
    private static final Retention KEEP_A_MINUTE = new Retention(Duration.ofMinutes(1), 1_000_000);
    private static final byte[] BIG_DATA = new byte[16 * 1024];

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private final Logger writerLog = (Logger) LoggerFactory.getLogger(LogWriter.class);

    @BeforeEach
    void recordLog() {
        logged.start();
        writerLog.addAppender(logged);
    }

    @AfterEach
    void stopRecording() {
        writerLog.detachAppender(logged);
    }

    @Test
    void appendsFailWhileTheDiskIsFullAndTheLogGoesOnWithoutARestartOnceThereIsRoom() throws Exception {
        List<String> stored = new ArrayList<>();
        long lastStored;
        try (EventLog log = open()) {
            TriggerPosition position = log.openTrigger(TRIGGER, BROKER);
            log.limitGrowth(40);
            LogFailure full = null;
            for (int i = 0; i < 200 && full == null; i++) {
                try {
                    append(log, "big-" + i).get(30, TimeUnit.SECONDS);
                    stored.add("big-" + i);
                } catch (ExecutionException e) {
                    full = (LogFailure) e.getCause();
                }
            }
            assertThat(full).as("the page limit was reached").isNotNull();
            assertThat(full.diskFull()).isTrue();
            assertThat(full.getMessage()).contains("the disk is full", "SQLITE_FULL", "free space");
            lastStored = log.lastSeq();

            // Still full: a group-committed batch fails for every caller in it, and none is left waiting.
            List<CompletableFuture<Long>> batch = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                batch.add(append(log, "refused-" + i));
            }
            for (CompletableFuture<Long> append : batch) {
                assertThat(append).failsWithin(Duration.ofSeconds(30)).withThrowableOfType(ExecutionException.class)
                        .havingCause().isInstanceOfSatisfying(LogFailure.class, f -> assertThat(f.diskFull()).isTrue());
            }
            assertThat(log.lastSeq()).isEqualTo(lastStored);
            assertThat(errorsAndWarnings()).hasSize(1).first().asString()
                    .contains("writes to the event log", "are failing", "the disk is full");

            // A position saved now goes with the next batch, or the one after if that one fails.
            for (long seq = 1; seq <= lastStored; seq++) {
                position.finish(seq);
            }
            log.savePosition(TRIGGER, position);
            log.limitGrowth(100_000);
            assertThat(append(log, "after").get(30, TimeUnit.SECONDS)).isEqualTo(lastStored + 1);
            assertThat(errorsAndWarnings()).hasSize(2).last().asString().contains("succeed again");
        }
        try (EventLog log = open()) {
            assertThat(log.lastSeq()).isEqualTo(lastStored + 1);
            List<String> expected = new ArrayList<>(stored);
            expected.add("after");
            assertThat(log.read(BROKER, 0, 1_000)).extracting(e -> e.event().getId())
                    .containsExactlyElementsOf(expected);
            // The position saved while the disk was full was written once there was room.
            assertThat(log.openTrigger(TRIGGER, BROKER).lowWater()).isEqualTo(lastStored);
        }
    }

    @Test
    void anAppendThatFailsForWantOfSpaceLeavesNoTraceAndTheNextOneTakesItsNumber() throws Exception {
        try (EventLog log = open()) {
            assertThat(log.append(BROKER, TestEvents.event("first", "t"), clock.instant()).get()).isEqualTo(1);
            log.limitGrowth(0);
            assertThat(append(log, "too-big")).failsWithin(Duration.ofSeconds(30));
            // A small event fits in the pages there are: it is stored whole and numbered right after "first".
            assertThat(log.append(BROKER, TestEvents.event("small", "t"), clock.instant()).get()).isEqualTo(2);
            assertThat(log.read(BROKER, 0, 10)).extracting(e -> e.event().getId()).containsExactly("first", "small");
        }
    }

    private CompletableFuture<Long> append(EventLog log, String id) {
        CloudEvent event = CloudEventBuilder.v1(TestEvents.event(id, "t")).withData("application/octet-stream",
                BIG_DATA).build();
        return log.append(BROKER, event, clock.instant());
    }

    private List<String> errorsAndWarnings() {
        return logged.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    }

    private EventLog open() {
        return EventLog.open(dir.resolve("events.db"), false, KEEP_A_MINUTE, clock);
    }
}

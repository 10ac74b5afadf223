package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.common.testing.ManualClock;
import dev.kumo.eventing.TestEvents;
import dev.kumo.eventing.api.BrokerRef;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the ingress journal gives back after SQLite lost commits, and what a crash before its sync leaves. */
class EventLogRecoveryTest {

    private static final BrokerRef BROKER = new BrokerRef("default", "b");
    private static final BrokerRef OTHER = new BrokerRef("default", "other");
    private static final Retention KEEP_A_MINUTE = new Retention(Duration.ofMinutes(1), 1_000_000);

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock(Instant.parse("2025-01-01T00:00:00Z"));

    @Test
    void eventsSqliteLostComeBackFromTheJournalAtTheNextOpen() throws Exception {
        try (EventLog log = open()) {
            for (int i = 1; i <= 5; i++) {
                assertThat(log.append(BROKER, TestEvents.event("e-" + i, "t"), clock.instant()).get()).isEqualTo(i);
            }
        }
        // A power loss with synchronous=NORMAL can take SQLite's last commits (a suffix: the WAL is a prefix).
        try (Connection sqlite = new LogSchema(database()).connect();
                Statement statement = sqlite.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM events WHERE seq > 2")).isEqualTo(3);
        }

        try (EventLog log = open()) {
            assertThat(log.lastSeq()).isEqualTo(5);
            assertThat(log.read(BROKER, 0, 10)).extracting(StoredEvent::seq, stored -> stored.event().getId())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "e-1"),
                            org.assertj.core.groups.Tuple.tuple(2L, "e-2"),
                            org.assertj.core.groups.Tuple.tuple(3L, "e-3"),
                            org.assertj.core.groups.Tuple.tuple(4L, "e-4"),
                            org.assertj.core.groups.Tuple.tuple(5L, "e-5"));
            assertThat(log.append(BROKER, TestEvents.event("e-6", "t"), clock.instant()).get()).isEqualTo(6);
        }
        try (EventLog log = open()) {
            assertThat(log.size()).as("nothing restored twice").isEqualTo(6);
        }
    }

    @Test
    void aDatabaseImageFromBeforeTheLastCommitsGetsThemBackFromTheJournal() throws Exception {
        Path image = Files.createDirectories(dir.resolve("image"));
        try (EventLog log = open()) {
            log.append(BROKER, TestEvents.event("e-1", "t"), clock.instant()).get();
            log.append(BROKER, TestEvents.event("e-2", "t"), clock.instant()).get();
            // SQLite's files as a power loss might leave them (the WAL holds commits 1 and 2 only): copied while open.
            for (String suffix : new String[] {"", "-wal"}) {
                Files.copy(dir.resolve("events.db" + suffix), image.resolve("events.db" + suffix));
            }
            log.append(BROKER, TestEvents.event("e-3", "t"), clock.instant()).get();
            log.append(OTHER, TestEvents.event("e-4", "t"), clock.instant()).get();
        }
        for (String journal : new String[] {"events.db.journal-0", "events.db.journal-1"}) {
            Files.copy(dir.resolve(journal), image.resolve(journal));
        }

        try (EventLog log = EventLog.open(image.resolve("events.db"), true, KEEP_A_MINUTE, clock)) {
            assertThat(log.read(BROKER, 0, 10)).extracting(stored -> stored.event().getId())
                    .containsExactly("e-1", "e-2", "e-3");
            assertThat(log.read(OTHER, 0, 10)).extracting(StoredEvent::seq, stored -> stored.event().getId())
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "e-4"));
        }
    }

    @Test
    void aBatchCommittedButNeverSyncedInTheJournalIsRefusedYetStaysInSqlite() throws Exception {
        LogSchema schema = new LogSchema(database());
        try (Connection connection = schema.connect()) {
            // The journal's sync never happens: as when the process dies between SQLite's commit and that sync.
            LogWriter writer = new LogWriter(connection, database().toString(), schema.migrate(connection),
                    brokers -> { }, new EventTail(16, 1 << 20), (appended, committedSeq, syncAll) -> {
                        throw new IOException("the process died before the journal's sync");
                    }, EventLog.PRUNE_STEP_ROWS);
            Thread thread = Thread.ofPlatform().start(writer);
            CompletableFuture<Long> seq = new CompletableFuture<>();
            writer.submit(new LogWriter.Append(BROKER.toString(), 0, EventCodec.encode(TestEvents.event("lost?",
                    "t")), Optional.empty(), seq));

            assertThatThrownBy(() -> seq.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasMessageContaining("the journal's sync");
            writer.stop();
            thread.join(Duration.ofSeconds(10));
        }
        try (EventLog log = open()) {
            // Never acknowledged, still stored: delivered, and a producer's retry makes it twice (at least once).
            assertThat(log.read(BROKER, 0, 10)).extracting(stored -> stored.event().getId()).containsExactly("lost?");
            assertThat(log.append(BROKER, TestEvents.event("next", "t"), clock.instant()).get()).isEqualTo(2);
        }
    }

    @Test
    void withoutFsyncThereIsNoJournal() throws Exception {
        try (EventLog log = EventLog.open(database(), false, KEEP_A_MINUTE, clock)) {
            log.append(BROKER, TestEvents.event("e", "t"), clock.instant()).get();
        }
        assertThat(dir.resolve("events.db.journal-0")).doesNotExist();
        assertThat(Files.exists(database())).isTrue();
    }

    @Test
    void aJournalOutOfSpaceAnswersDiskFull() throws Exception {
        LogSchema schema = new LogSchema(database());
        try (Connection connection = schema.connect()) {
            LogWriter writer = new LogWriter(connection, database().toString(), schema.migrate(connection),
                    brokers -> { }, new EventTail(16, 1 << 20), (appended, committedSeq, syncAll) -> {
                        throw new FileSystemException(dir.resolve("events.db.journal-0").toString(), null,
                                "No space left on device");
                    }, EventLog.PRUNE_STEP_ROWS);
            Thread thread = Thread.ofPlatform().start(writer);
            CompletableFuture<Long> seq = new CompletableFuture<>();
            writer.submit(new LogWriter.Append(BROKER.toString(), 0, EventCodec.encode(TestEvents.event("full",
                    "t")), Optional.empty(), seq));

            assertThatThrownBy(() -> seq.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOfSatisfying(LogFailure.class, failure -> assertThat(failure.diskFull())
                            .as("507, as SQLite's own full disk").isTrue());
            writer.stop();
            thread.join(Duration.ofSeconds(10));
        }
    }

    @Test
    void aJournalLeftBesideAnotherDatabaseIsNotRestored() throws Exception {
        try (EventLog log = open()) {
            log.append(BROKER, TestEvents.event("old", "t"), clock.instant()).get();
            log.append(BROKER, TestEvents.event("old-2", "t"), clock.instant()).get();
        }
        for (String suffix : new String[] {"", "-wal", "-shm"}) { // reset: SQLite's files replaced, journals left
            Files.deleteIfExists(dir.resolve("events.db" + suffix));
        }

        try (EventLog log = open()) {
            assertThat(log.size()).isZero();
            assertThat(log.lastSeq()).isZero();
        }
    }

    @Test
    void eventsSqliteLostComeBackEvenWhenOpenedWithoutFsync() throws Exception {
        try (EventLog log = open()) {
            for (int i = 1; i <= 5; i++) {
                log.append(BROKER, TestEvents.event("e-" + i, "t"), clock.instant()).get();
            }
        }
        try (Connection sqlite = new LogSchema(database()).connect();
                Statement statement = sqlite.createStatement()) {
            assertThat(statement.executeUpdate("DELETE FROM events WHERE seq > 2")).isEqualTo(3);
        }

        try (EventLog log = EventLog.open(database(), false, KEEP_A_MINUTE, clock)) {
            assertThat(log.lastSeq()).isEqualTo(5);
            assertThat(log.read(BROKER, 0, 10)).extracting(stored -> stored.event().getId())
                    .containsExactly("e-1", "e-2", "e-3", "e-4", "e-5");
            assertThat(log.append(BROKER, TestEvents.event("e-6", "t"), clock.instant()).get()).isEqualTo(6);
        }
    }

    @Test
    void aJournalThatCannotBeOpenedFailsTheOpenAndLeavesTheLogOpenableAgain() throws Exception {
        Files.createDirectories(dir);
        Files.write(dir.resolve("events.db.journal-1"), new byte[10]);

        assertThatThrownBy(this::open).isInstanceOf(LogFailure.class).hasMessageContaining("events.db.journal-1");
        Files.delete(dir.resolve("events.db.journal-1"));
        try (EventLog log = open()) {
            assertThat(log.append(BROKER, TestEvents.event("e", "t"), clock.instant()).get()).isEqualTo(1);
        }
    }

    private Path database() {
        return dir.resolve("events.db");
    }

    private EventLog open() {
        return EventLog.open(database(), true, KEEP_A_MINUTE, clock);
    }
}

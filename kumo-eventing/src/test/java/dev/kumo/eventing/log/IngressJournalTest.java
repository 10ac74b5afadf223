package dev.kumo.eventing.log;

import static dev.kumo.eventing.log.JournalRecordTest.record;
import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal over two real files; SQLite's files stand in as plain files (only synced here). */
class IngressJournalTest {

    private static final int CAPACITY = 1024;

    @TempDir
    Path dir;

    private static final long LOG = 42;

    private Path database;
    private long opens;

    @BeforeEach
    void sqliteFiles() throws IOException {
        database = Files.createFile(dir.resolve("events.db"));
        Files.createFile(dir.resolve("events.db-wal"));
    }

    @Test
    void whatWasSyncedComesBackAtTheNextOpenAboveWhatSqliteHolds() throws IOException {
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            assertThat(journal.above(0)).isEmpty();
            journal.persist(List.of(record(1, "s", "a"), record(2, "t", "b")), 2, false);
            journal.persist(List.of(record(3, "s", "c")), 3, false);
        }
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            assertThat(journal.above(1)).extracting(JournalRecord::seq, JournalRecord::stream)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "t"),
                            org.assertj.core.groups.Tuple.tuple(3L, "s"));
        }
        assertThat(Files.getPosixFilePermissions(dir.resolve("events.db.journal-0")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.size(dir.resolve("events.db.journal-1"))).isEqualTo(CAPACITY);
    }

    @Test
    void aFileIsStartedAgainOnlyOnceSqliteIsSyncedPastItsRecords() throws IOException {
        List<JournalRecord> written = new ArrayList<>();
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            long seq = 0;
            // ~100 bytes a record: file 0 fills, then file 1 (free: it holds nothing), then file 0 again.
            while (written.size() < 25) {
                JournalRecord next = record(++seq, "s", "x".repeat(60));
                written.add(next);
                journal.persist(List.of(next), seq, false);
                if (seq <= 18) {
                    assertThat(sqlite.syncedSeq()).as("no sync while a free file is at hand (seq %d)", seq).isZero();
                }
            }
            assertThat(sqlite.syncedSeq()).as("synced before file 0 was written over").isBetween(19L, 25L);
        }
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            List<JournalRecord> found = journal.above(0);
            assertThat(found).extracting(JournalRecord::seq).isSorted().doesNotHaveDuplicates()
                    .contains(25L).doesNotContain(1L);
        }
    }

    @Test
    void noSyncWhenTheCheckpointerAlreadySyncedPastTheOtherFile() throws IOException {
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            long seq = 0;
            for (; seq < 21; seq++) { // 9 records a file: 1..9, 10..18, then 19..21 in file 0 again
                journal.persist(List.of(record(seq + 1, "s", "x".repeat(60))), seq + 1, false);
                if (seq == 10) {
                    sqlite.sync(10); // as the checkpointer does, while file 0 is still being written
                }
            }
            // File 0 held 1..9, all synced: moving back to it needs no sync of SQLite on the writer.
            assertThat(sqlite.syncedSeq()).isEqualTo(10);
        }
    }

    @Test
    void aBatchLargerThanAFileIsMadeDurableBySyncingSqlite() throws IOException {
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            journal.persist(List.of(record(1, "s", "x".repeat(2 * CAPACITY))), 1, false);
            assertThat(sqlite.syncedSeq()).isEqualTo(1);
            journal.persist(List.of(record(2, "s", "small")), 2, true);
            assertThat(sqlite.syncedSeq()).as("a batch that opened or removed a Trigger").isEqualTo(2);
        }
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = open(sqlite)) {
            assertThat(journal.above(0)).isEmpty();
        }
    }

    @Test
    void aFailedSyncOfSqliteIsNeverTrustedAgainSoNoFileIsWrittenOver() throws IOException {
        AtomicInteger syncs = new AtomicInteger();
        SqliteSync sqlite = new SqliteSync(List.of(), files -> {
            if (syncs.incrementAndGet() == 1) {
                throw new IOException("Input/output error"); // EIO once; Linux then reports success on that fd
            }
        });
        try (IngressJournal journal = open(sqlite)) {
            assertThatThrownBy(() -> sqlite.sync(3)).hasMessageContaining("Input/output error");
            assertThatThrownBy(() -> sqlite.sync(4)).as("the checkpointer's next tick: the fd would say 0")
                    .hasMessageContaining("restart Kumo");
            assertThat(sqlite.syncedSeq()).isZero();
            long seq = 0;
            for (; seq < 18; seq++) { // 9 records a file: both files fill without a sync of SQLite
                journal.persist(List.of(record(seq + 1, "s", "x".repeat(60))), seq + 1, false);
            }
            JournalRecord next = record(19, "s", "x".repeat(60));
            assertThatThrownBy(() -> journal.persist(List.of(next), 19, false))
                    .hasMessageContaining("restart Kumo");
            assertThatThrownBy(() -> journal.persist(List.of(next), 19, false))
                    .as("still failing: file 0 holds records SQLite may not").hasMessageContaining("restart Kumo");
            assertThat(sqlite.syncedSeq()).isZero();
        }
        try (SqliteSync again = SqliteSync.open(database); IngressJournal journal = open(again)) {
            assertThat(journal.above(0)).extracting(JournalRecord::seq).hasSize(18).contains(1L, 18L);
        }
    }

    @Test
    void aGenerationIsNeverReusedEvenWhenAFilesFirstRecordWasLost() throws IOException {
        try (SqliteSync sqlite = SqliteSync.open(database); IngressJournal journal = open(sqlite)) {
            journal.persist(List.of(record(1, "s", "a"), record(2, "s", "b"), record(3, "s", "c")), 3, false);
        }
        try (FileChannel file = FileChannel.open(dir.resolve("events.db.journal-0"), StandardOpenOption.WRITE)) {
            file.write(ByteBuffer.allocate(record(1, "s", "a").size()), 0); // a power loss took only the first page
        }
        try (SqliteSync sqlite = SqliteSync.open(database); IngressJournal journal = open(sqlite)) {
            assertThat(journal.above(0)).isEmpty();
            journal.persist(List.of(record(1, "s", "n")), 1, false); // ends where the old record 2 begins
        }
        try (SqliteSync sqlite = SqliteSync.open(database); IngressJournal journal = open(sqlite)) {
            assertThat(journal.above(0)).as("never-acknowledged 2 and 3 not taken as current")
                    .extracting(JournalRecord::seq, record -> new String(record.event()))
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "n"));
        }
    }

    @Test
    void anotherLogsJournalIsIgnored() throws IOException {
        try (SqliteSync sqlite = SqliteSync.open(database); IngressJournal journal = open(sqlite)) {
            journal.persist(List.of(record(1, "s", "a")), 1, false);
        }
        try (SqliteSync sqlite = SqliteSync.open(database);
                IngressJournal journal = IngressJournal.open(database, sqlite, CAPACITY, LOG + 1, ++opens)) {
            assertThat(journal.above(0)).isEmpty();
        }
    }

    private IngressJournal open(SqliteSync sqlite) throws IOException {
        return IngressJournal.open(database, sqlite, CAPACITY, LOG, ++opens);
    }
}

package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalRecordTest {

    static final long LOG = 42;

    @Test
    void recordsReadBackWithTheirGeneration() {
        ByteBuffer file = ByteBuffer.allocate(4096);
        write(file, 7, record(1, "default/b", "one"), record(2, "default/é", "two"));

        JournalRecord.Scan scan = JournalRecord.read(file.clear(), LOG);

        assertThat(scan.generation()).isEqualTo(7);
        assertThat(scan.maxSeq()).isEqualTo(2);
        assertThat(scan.records()).extracting(JournalRecord::seq, JournalRecord::stream, JournalRecord::arrivalMillis,
                r -> new String(r.event(), StandardCharsets.UTF_8))
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1L, "default/b", 1001L, "one"),
                        org.assertj.core.groups.Tuple.tuple(2L, "default/é", 1002L, "two"));
    }

    @Test
    void aFileNeverWrittenHoldsNothing() {
        JournalRecord.Scan scan = JournalRecord.read(ByteBuffer.allocate(4096), LOG);

        assertThat(scan.records()).isEmpty();
        assertThat(scan.generation()).isZero();
    }

    @Test
    void aTornTailIsIgnored() {
        ByteBuffer file = ByteBuffer.allocate(4096);
        write(file, 1, record(1, "s", "one"), record(2, "s", "two"));
        int end = file.position();
        JournalRecord last = record(3, "s", "three");
        write(file, 1, last);
        for (int i = end + last.size() / 2; i < end + last.size(); i++) {
            file.put(i, (byte) 0); // the second half of the last write never reached the disk
        }

        assertThat(JournalRecord.read(file.clear(), LOG).records()).extracting(JournalRecord::seq)
                .containsExactly(1L, 2L);
    }

    @Test
    void aRecordWithABadChecksumEndsTheRead() {
        ByteBuffer file = ByteBuffer.allocate(4096);
        write(file, 1, record(1, "s", "one"));
        int second = file.position();
        write(file, 1, record(2, "s", "two"), record(3, "s", "three"));
        file.put(second + JournalRecord.HEADER_BYTES + 20, (byte) 0x55); // inside record 2's arrival

        assertThat(JournalRecord.read(file.clear(), LOG).records()).extracting(JournalRecord::seq)
                .containsExactly(1L);
    }

    @Test
    void aRestartedFileEndsAtItsNewTailNotAtTheOlderRecordsBehindIt() {
        ByteBuffer file = ByteBuffer.allocate(4096);
        write(file, 1, record(1, "s", "a"), record(2, "s", "b"), record(3, "s", "c"), record(4, "s", "d"));
        file.clear();
        // Written again from offset 0: records of the same size end exactly where an older record begins.
        write(file, 2, record(10, "s", "x"), record(11, "s", "y"));

        JournalRecord.Scan scan = JournalRecord.read(file.clear(), LOG);

        assertThat(scan.generation()).isEqualTo(2);
        assertThat(scan.records()).extracting(JournalRecord::seq).containsExactly(10L, 11L);
    }

    @Test
    void anOlderGenerationWithHigherNumbersBehindTheTailIsNotTakenEither() {
        ByteBuffer file = ByteBuffer.allocate(4096);
        write(file, 1, record(50, "s", "a"), record(51, "s", "b"), record(52, "s", "c"));
        file.clear();
        write(file, 2, record(48, "s", "x")); // numbers reused after a power loss lost 48..52 unacknowledged

        assertThat(JournalRecord.read(file.clear(), LOG).records()).extracting(JournalRecord::seq)
                .containsExactly(48L);
    }

    @Test
    void anotherLogsRecordsAreNotRead() {
        ByteBuffer file = ByteBuffer.allocate(4096);
        write(file, 1, record(1, "s", "a"));

        assertThat(JournalRecord.read(file.clear(), LOG + 1).records()).isEmpty();
    }

    static JournalRecord record(long seq, String stream, String event) {
        return new JournalRecord(seq, stream, 1000 + seq, event.getBytes(StandardCharsets.UTF_8));
    }

    private static void write(ByteBuffer file, long generation, JournalRecord... records) {
        for (JournalRecord record : List.of(records)) {
            int before = file.position();
            record.writeTo(file, LOG, generation);
            assertThat(file.position() - before).isEqualTo(record.size());
        }
    }
}

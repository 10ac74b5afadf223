package dev.kumo.eventing.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * One stored event as the {@link IngressJournal} holds it, and the journal's record format: {@code int length} (of
 * what follows the checksum), {@code int crc32c} (of that), then {@code long logId, long generation, long seq,
 * long arrival_ms, int streamBytes, stream (UTF-8), event}. A file is read from offset 0 while records check out,
 * belong to the log being read (its random id in SQLite's {@code meta}: journals left beside another database are
 * ignored) and to the generation of the first one with rising sequence numbers: a torn or zeroed tail, a bad
 * checksum, another log's record, or the older records left behind a restarted file end the read.
 */
record JournalRecord(long seq, String stream, long arrivalMillis, byte[] event) {

    /** Length and checksum. */
    static final int HEADER_BYTES = 8;
    private static final int FIXED_BODY_BYTES = 8 + 8 + 8 + 8 + 4;

    /** What this record takes in a file. */
    int size() {
        return HEADER_BYTES + FIXED_BODY_BYTES + stream.getBytes(StandardCharsets.UTF_8).length + event.length;
    }

    /**
     * Writes this record of log {@code logId}'s {@code generation} at {@code out}'s position; {@code out} must have
     * {@link #size}.
     */
    void writeTo(ByteBuffer out, long logId, long generation) {
        byte[] name = stream.getBytes(StandardCharsets.UTF_8);
        int start = out.position();
        out.putInt(FIXED_BODY_BYTES + name.length + event.length).putInt(0);
        int body = out.position();
        out.putLong(logId).putLong(generation).putLong(seq).putLong(arrivalMillis).putInt(name.length).put(name).put(event);
        CRC32C crc = new CRC32C();
        crc.update(out.duplicate().position(body).limit(out.position()));
        out.putInt(start + 4, (int) crc.getValue());
    }

    /** The records of one file's current generation, and that generation (0 for a file without a valid record). */
    record Scan(long generation, List<JournalRecord> records) {

        long maxSeq() {
            return records.isEmpty() ? 0 : records.getLast().seq();
        }
    }

    /** Reads {@code file} (position 0 to its limit), log {@code logId}'s records, as described above. */
    static Scan read(ByteBuffer file, long logId) {
        List<JournalRecord> records = new ArrayList<>();
        long generation = 0;
        long lastSeq = Long.MIN_VALUE;
        int at = 0;
        while (file.limit() - at >= HEADER_BYTES + FIXED_BODY_BYTES) {
            int length = file.getInt(at);
            if (length < FIXED_BODY_BYTES || length > file.limit() - at - HEADER_BYTES) {
                break; // zeroes (never written) or a torn length
            }
            int body = at + HEADER_BYTES;
            CRC32C crc = new CRC32C();
            crc.update(file.duplicate().position(body).limit(body + length));
            if ((int) crc.getValue() != file.getInt(at + 4)) {
                break;
            }
            long recordLog = file.getLong(body);
            long recordGeneration = file.getLong(body + 8);
            long seq = file.getLong(body + 16);
            int nameLength = file.getInt(body + 32);
            if (recordLog != logId || (records.isEmpty() ? recordGeneration <= 0 : recordGeneration != generation) || seq <= lastSeq
                    || nameLength < 0 || nameLength > length - FIXED_BODY_BYTES) {
                break; // another log's record, or an older generation's behind a restarted file's tail
            }
            byte[] name = new byte[nameLength];
            file.get(body + FIXED_BODY_BYTES, name);
            byte[] event = new byte[length - FIXED_BODY_BYTES - nameLength];
            file.get(body + FIXED_BODY_BYTES + nameLength, event);
            records.add(new JournalRecord(seq, new String(name, StandardCharsets.UTF_8), file.getLong(body + 24),
                    event));
            generation = recordGeneration;
            lastSeq = seq;
            at = body + length;
        }
        return new Scan(generation, records);
    }
}

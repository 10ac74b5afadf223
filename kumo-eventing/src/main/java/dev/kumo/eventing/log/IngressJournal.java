package dev.kumo.eventing.log;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * What each 202 waits for: the writer appends every committed batch's events ({@link JournalRecord}) to one of two
 * preallocated files beside the database and syncs it with {@code force(false)} — one fdatasync overwriting
 * allocated blocks, instead of SQLite's fsync of a growing WAL (SQLite commits with {@code synchronous=NORMAL}).
 * When the batch does not fit, the writer moves to the other file and starts it again at offset 0, but only once
 * SQLite's files are synced past the other file's newest record ({@link SqliteSync}, done every so often by the
 * checkpointer; done here, on the writer, when it fell behind); so each acknowledged event is always either in a
 * journal or on SQLite's synced files. A batch larger than a file is made durable by syncing SQLite instead.
 * At open, {@link #above} hands back the events SQLite lost (its last commits, after a power loss). Records carry
 * the log's id (only this database's are read back) and a generation unique across opens: the open's number from
 * SQLite's {@code meta} in the high 32 bits, the file switches since in the low ones.
 */
final class IngressJournal implements LogWriter.Durability, AutoCloseable {

    /** Each of the two files; small enough for a small data disk, ~10 k events of 400 B. */
    static final int FILE_BYTES = 4 << 20;

    private final Path[] paths = new Path[2];
    private final FileChannel[] files = new FileChannel[2];
    private final long[] maxSeq = new long[2];
    private final List<JournalRecord> found = new ArrayList<>();
    private final SqliteSync sqlite;
    private final int capacity;
    private final long logId;
    private long generation;
    private int current;
    private long position;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(64 << 10);

    private IngressJournal(SqliteSync sqlite, int capacity, long logId, long openCount) {
        this.sqlite = sqlite;
        this.capacity = capacity;
        this.logId = logId;
        this.generation = (openCount << 32) + 1;
    }

    /**
     * Opens (creating and preallocating when missing) {@code <database>.journal-0} and {@code -1}, reading what they
     * hold of log {@code logId}. Writing starts in file 0 at offset 0: the caller first makes SQLite hold and sync
     * every record found, and {@code openCount} (greater at each open, synced in SQLite) with it.
     */
    static IngressJournal open(Path database, SqliteSync sqlite, int capacity, long logId, long openCount)
            throws IOException {
        IngressJournal journal = new IngressJournal(sqlite, capacity, logId, openCount);
        try {
            for (int i = 0; i < 2; i++) {
                journal.paths[i] = database.resolveSibling(database.getFileName() + ".journal-" + i);
                journal.files[i] = preallocated(journal.paths[i], capacity);
                JournalRecord.Scan scan = JournalRecord.read(contents(journal.files[i], capacity), logId);
                journal.maxSeq[i] = scan.maxSeq();
                journal.found.addAll(scan.records());
            }
        } catch (IOException | RuntimeException e) {
            journal.close();
            throw e;
        }
        return journal;
    }

    /** The records found at open numbered above {@code seq} (what SQLite lacks), oldest first; asked once. */
    List<JournalRecord> above(long seq) {
        List<JournalRecord> lost = found.stream().filter(record -> record.seq() > seq).sorted(
                Comparator.comparingLong(JournalRecord::seq)).toList();
        found.clear();
        return lost;
    }

    @Override
    public void persist(List<JournalRecord> appended, long committedSeq, boolean syncAll) throws IOException {
        if (appended.isEmpty() && !syncAll) {
            return;
        }
        int bytes = appended.stream().mapToInt(JournalRecord::size).sum();
        if (syncAll || bytes > capacity) {
            sqlite.sync(committedSeq);
            return;
        }
        if (position + bytes > capacity) {
            switchFiles(committedSeq);
        }
        if (buffer.capacity() < bytes) {
            buffer = ByteBuffer.allocateDirect(Math.max(bytes, buffer.capacity() * 2));
        }
        buffer.clear();
        for (JournalRecord record : appended) {
            record.writeTo(buffer, logId, generation);
        }
        buffer.flip();
        FileChannel file = files[current];
        for (long at = position; buffer.hasRemaining();) {
            at += file.write(buffer, at);
        }
        file.force(false);
        position += bytes;
        maxSeq[current] = appended.getLast().seq();
    }

    /** Moves to the other file, once SQLite is synced past everything it holds. */
    private void switchFiles(long committedSeq) throws IOException {
        int next = 1 - current;
        if (sqlite.syncedSeq() < maxSeq[next]) {
            sqlite.sync(committedSeq); // the checkpointer's syncs fell behind
        }
        current = next;
        position = 0;
        maxSeq[next] = 0;
        generation++;
    }

    private static ByteBuffer contents(FileChannel file, int capacity) throws IOException {
        ByteBuffer contents = ByteBuffer.allocate(capacity);
        while (contents.hasRemaining() && file.read(contents, contents.position()) >= 0) {
            // reading on
        }
        return contents.flip();
    }

    private static FileChannel preallocated(Path path, int capacity) throws IOException {
        if (!Files.exists(path)) {
            Path temp = path.resolveSibling(path.getFileName() + ".new");
            try (FileChannel file = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                ByteBuffer zeroes = ByteBuffer.allocate(64 << 10);
                for (long at = 0; at < capacity; at += zeroes.capacity()) {
                    file.write(zeroes.clear().limit((int) Math.min(zeroes.capacity(), capacity - at)), at);
                }
                file.force(true);
            } catch (IOException e) {
                Files.deleteIfExists(temp);
                throw new IOException("preallocating the event journal " + path + " (" + capacity + " bytes): " + e
                        + "; free space on the data directory's disk", e);
            }
            Files.move(temp, path);
            try (FileChannel directory = FileChannel.open(path.getParent(), StandardOpenOption.READ)) {
                directory.force(true);
            }
        }
        FileChannel file = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        long size = file.size();
        if (size != capacity) {
            file.close();
            throw new IOException("the event journal " + path + " has " + size + " bytes, not " + capacity
                    + ": it was written by another Kumo; delete it only after that Kumo stopped cleanly");
        }
        return file;
    }

    @Override
    public void close() {
        for (FileChannel file : files) {
            if (file != null) {
                try {
                    file.close();
                } catch (IOException e) {
                    // Closing anyway.
                }
            }
        }
    }
}

package dev.kumo.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The durable-write floor of a disk, beside what the event log pays for one commit: a 1 KiB write then a sync, timed
 * over many rounds — {@code FileChannel.force(false)} (fdatasync) appending and overwriting a preallocated file,
 * {@code force(true)} (fsync) overwriting, and SQLite committing one row of the event log's shape in WAL with
 * {@code synchronous=FULL} (statements prepared once), also with {@code locking_mode=EXCLUSIVE}, and the event log's
 * path with its ingress journal: SQLite with {@code synchronous=NORMAL}, then the row appended to a preallocated
 * journal file and {@code force(false)}. Run it on the data
 * directory's filesystem. Usage: {@code SyncFloor DIR [rounds=2000]}; the files it writes in DIR are deleted.
 */
public final class SyncFloor {

    private static final byte[] KIB = new byte[1024];

    private SyncFloor() {
    }

    public static void main(String[] args) throws IOException, SQLException {
        if (args.length < 1) {
            System.err.println("usage: SyncFloor DIR [rounds=2000] (DIR on the filesystem of Kumo's data directory)");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2_000;
        Arrays.fill(KIB, (byte) 'x');
        System.out.println("load average before: " + LoadAverage.now());
        report("FileChannel append 1 KiB + force(false) (fdatasync)", file(dir, rounds, false, false));
        report("FileChannel overwrite 1 KiB, preallocated + force(false)", file(dir, rounds, true, false));
        report("FileChannel overwrite 1 KiB, preallocated + force(true) (fsync)", file(dir, rounds, true, true));
        report("SQLite WAL synchronous=FULL, one-row commit", sqlite(dir, rounds, false));
        report("SQLite as above + locking_mode=EXCLUSIVE", sqlite(dir, rounds, true));
        report("SQLite WAL synchronous=NORMAL, one-row commit (no sync)", sqlite(dir, rounds, false, "NORMAL",
                () -> { }));
        report("SQLite synchronous=NORMAL commit + journal append (prealloc.) + force(false)",
                journaled(dir, rounds));
        System.out.println("load average after: " + LoadAverage.now());
    }

    private static long[] file(Path dir, int rounds, boolean preallocated, boolean metadata) throws IOException {
        Path file = dir.resolve("sync-floor.log");
        long[] nanos = new long[rounds];
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            if (preallocated) {
                channel.write(ByteBuffer.allocate(KIB.length * rounds), 0);
                channel.force(true);
            }
            for (int i = 0; i < rounds; i++) {
                long start = System.nanoTime();
                channel.write(ByteBuffer.wrap(KIB), (long) KIB.length * i);
                channel.force(metadata);
                nanos[i] = System.nanoTime() - start;
            }
        } finally {
            Files.deleteIfExists(file);
        }
        return nanos;
    }

    private static long[] sqlite(Path dir, int rounds, boolean exclusive) throws SQLException, IOException {
        return sqlite(dir, rounds, exclusive, "FULL", () -> { });
    }

    /** The event log's commit with the ingress journal: NORMAL, then 1 KiB + a header appended and fdatasynced. */
    private static long[] journaled(Path dir, int rounds) throws SQLException, IOException {
        Path journal = dir.resolve("sync-floor.journal");
        try (FileChannel channel = FileChannel.open(journal, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            int record = KIB.length + 64;
            channel.write(ByteBuffer.allocate(record * rounds), 0);
            channel.force(true);
            long[] at = {0};
            return sqlite(dir, rounds, false, "NORMAL", () -> {
                channel.write(ByteBuffer.wrap(KIB), at[0]);
                at[0] += record;
                channel.force(false);
            });
        } finally {
            Files.deleteIfExists(journal);
        }
    }

    private interface AfterCommit {
        void run() throws IOException;
    }

    private static long[] sqlite(Path dir, int rounds, boolean exclusive, String synchronous, AfterCommit after)
            throws SQLException, IOException {
        Path database = dir.resolve("sync-floor.db");
        long[] nanos = new long[rounds];
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=" + synchronous);
                statement.execute("PRAGMA wal_autocheckpoint=0");
                if (exclusive) {
                    statement.execute("PRAGMA locking_mode=EXCLUSIVE");
                }
                statement.execute("CREATE TABLE events (seq INTEGER PRIMARY KEY, broker TEXT NOT NULL,"
                        + " arrival_ms INTEGER NOT NULL, event BLOB NOT NULL)");
                statement.execute("CREATE INDEX events_by_broker ON events(broker, seq)");
            }
            try (PreparedStatement begin = connection.prepareStatement("BEGIN IMMEDIATE");
                    PreparedStatement commit = connection.prepareStatement("COMMIT");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO events(seq, broker, arrival_ms, event) VALUES (?, ?, ?, ?)")) {
                for (int i = 0; i < rounds; i++) {
                    long start = System.nanoTime();
                    begin.execute();
                    insert.setLong(1, i + 1);
                    insert.setString(2, "default/b");
                    insert.setLong(3, i);
                    insert.setBytes(4, KIB);
                    insert.executeUpdate();
                    commit.execute();
                    after.run();
                    nanos[i] = System.nanoTime() - start;
                }
            }
        } finally {
            for (String suffix : new String[] {"", "-wal", "-shm"}) {
                Files.deleteIfExists(Path.of(database + suffix));
            }
        }
        return nanos;
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf("%-66s p50 %6.0f µs  mean %6.0f µs  p99 %7.0f µs%n", what, sorted[sorted.length / 2] / 1e3,
                Arrays.stream(sorted).average().orElse(0) / 1e3, sorted[(int) (sorted.length * 0.99)] / 1e3);
    }
}

package dev.kumo.serving.usage;

import dev.kumo.common.sqlite.SqliteDatabase;
import dev.kumo.common.sqlite.SqliteLayout;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code usage.db}: one row per bucket and key ({@code usage}), added to at each flush. Buckets are a minute long for
 * a day ({@link #MINUTES_KEPT}), then merged into hours; rows older than {@link #KEPT} are deleted. One connection,
 * used by one thread at a time.
 */
public final class UsageDatabase implements AutoCloseable {

    /** The file's name under the data directory. */
    public static final String FILE = "usage.db";
    /** How long minute buckets are kept before they are merged into hours. */
    public static final Duration MINUTES_KEPT = Duration.ofDays(1);
    /** How long usage is kept. */
    public static final Duration KEPT = Duration.ofDays(90);

    private static final String COLUMNS = "requests, instance_seconds, memory_gib_seconds, cpu_seconds, cold_starts,"
            + " events_delivered";
    private static final String SUMS = "SUM(requests), SUM(instance_seconds), SUM(memory_gib_seconds),"
            + " SUM(cpu_seconds), SUM(cold_starts), SUM(events_delivered)";
    private static final String ADD_ON_CONFLICT = " ON CONFLICT(bucket, namespace, service, revision) DO UPDATE SET"
            + " requests = requests + excluded.requests,"
            + " instance_seconds = instance_seconds + excluded.instance_seconds,"
            + " memory_gib_seconds = memory_gib_seconds + excluded.memory_gib_seconds,"
            + " cpu_seconds = cpu_seconds + excluded.cpu_seconds,"
            + " cold_starts = cold_starts + excluded.cold_starts,"
            + " events_delivered = events_delivered + excluded.events_delivered";
    private static final SqliteLayout LAYOUT = new SqliteLayout("usage ledger", 1, "compacted_until", List.of(
            "CREATE TABLE IF NOT EXISTS usage (bucket INTEGER NOT NULL, namespace TEXT NOT NULL,"
                    + " service TEXT NOT NULL, revision TEXT NOT NULL, requests INTEGER NOT NULL,"
                    + " instance_seconds REAL NOT NULL, memory_gib_seconds REAL NOT NULL, cpu_seconds REAL NOT NULL,"
                    + " cold_starts INTEGER NOT NULL, events_delivered INTEGER NOT NULL,"
                    + " PRIMARY KEY (bucket, namespace, service, revision)) WITHOUT ROWID"));

    private final Path file;
    private final Connection connection;

    private UsageDatabase(Path file, Connection connection) {
        this.file = file;
        this.connection = connection;
    }

    /** Opens (creating, mode 600) the ledger at {@code file}. */
    public static UsageDatabase open(Path file) {
        try {
            if (!Files.exists(file)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            }
            Connection connection = new SqliteDatabase(file, false).connect();
            try (Statement statement = connection.createStatement()) {
                LAYOUT.migrate(statement);
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return new UsageDatabase(file, connection);
        } catch (IOException e) {
            throw new UncheckedIOException("creating the usage ledger " + file + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("opening the usage ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** Adds every bucket's counts to what is stored, in one transaction. */
    public synchronized void add(Map<UsageLedger.Bucket, UsageCounts> buckets) {
        if (buckets.isEmpty()) {
            return;
        }
        inTransaction("storing usage", () -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO usage (bucket, namespace,"
                    + " service, revision, " + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)" + ADD_ON_CONFLICT)) {
                for (Map.Entry<UsageLedger.Bucket, UsageCounts> entry : buckets.entrySet()) {
                    UsageKey key = entry.getKey().key();
                    UsageCounts counts = entry.getValue();
                    insert.setLong(1, entry.getKey().startEpochSecond());
                    insert.setString(2, key.namespace());
                    insert.setString(3, key.service());
                    insert.setString(4, key.revision());
                    insert.setLong(5, counts.requests());
                    insert.setDouble(6, counts.instanceSeconds());
                    insert.setDouble(7, counts.memoryGibSeconds());
                    insert.setDouble(8, counts.cpuSeconds());
                    insert.setLong(9, counts.coldStarts());
                    insert.setLong(10, counts.eventsDelivered());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /**
     * The usage of each key in {@code namespace} (every namespace when empty) in the buckets starting at or after
     * {@code from}'s bucket (its hour, for a time older than a day), by namespace, service and revision.
     */
    public synchronized Map<UsageKey, UsageCounts> totals(Optional<String> namespace, Instant from) {
        String sql = "SELECT namespace, service, revision, " + SUMS + " FROM usage WHERE bucket >= ?"
                + (namespace.isPresent() ? " AND namespace = ?" : "")
                + " GROUP BY namespace, service, revision ORDER BY namespace, service, revision";
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, firstBucket(from));
            if (namespace.isPresent()) {
                query.setString(2, namespace.get());
            }
            Map<UsageKey, UsageCounts> totals = new LinkedHashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    totals.put(new UsageKey(rows.getString(1), rows.getString(2), rows.getString(3)),
                            new UsageCounts(rows.getLong(4), rows.getDouble(5), rows.getDouble(6),
                                    rows.getDouble(7), rows.getLong(8), rows.getLong(9)));
                }
            }
            return totals;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the usage ledger " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code from}'s bucket: its minute, or its hour where the minutes were merged into hours. */
    private long firstBucket(Instant from) throws SQLException {
        long minute = UsageLedger.bucketOf(from.getEpochSecond());
        try (Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT value FROM meta WHERE key = 'compacted_until'")) {
            long compactedUntil = row.next() ? row.getLong(1) : 0;
            return minute < compactedUntil ? Math.floorDiv(minute, 3600) * 3600 : minute;
        }
    }

    /**
     * Merges the minute buckets older than {@link #MINUTES_KEPT} before {@code now} into their hours and deletes
     * the rows older than {@link #KEPT}.
     */
    public synchronized void compact(Instant now) {
        long hoursBefore = Math.floorDiv(now.minus(MINUTES_KEPT).getEpochSecond(), 3600) * 3600;
        long keptFrom = now.minus(KEPT).getEpochSecond();
        inTransaction("compacting usage", () -> {
            try (Statement statement = connection.createStatement()) {
                // WHERE true: SQLite's upsert after a SELECT needs it to parse ON CONFLICT.
                statement.executeUpdate("INSERT INTO usage (bucket, namespace, service, revision, " + COLUMNS
                        + ") SELECT bucket - bucket % 3600, namespace, service, revision, " + SUMS + " FROM usage"
                        + " WHERE bucket < " + hoursBefore + " AND bucket % 3600 != 0"
                        + " GROUP BY bucket - bucket % 3600, namespace, service, revision" + ADD_ON_CONFLICT);
                statement.executeUpdate("DELETE FROM usage WHERE bucket < " + hoursBefore + " AND bucket % 3600 != 0");
                statement.executeUpdate("DELETE FROM usage WHERE bucket < " + keptFrom);
                statement.executeUpdate("UPDATE meta SET value = " + hoursBefore + " WHERE key = 'compacted_until'");
            }
        });
    }

    /** How many rows are stored (for tests of compaction). */
    synchronized long rows() {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM usage")) {
            return rows.next() ? rows.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException("counting the usage ledger's rows: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new IllegalStateException("closing the usage ledger " + file + ": " + e.getMessage(), e);
        }
    }

    private interface Work {
        void run() throws SQLException;
    }

    private void inTransaction(String what, Work work) {
        try {
            connection.setAutoCommit(false);
            try {
                work.run();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(what + " in " + file + ": " + e.getMessage(), e);
        }
    }
}

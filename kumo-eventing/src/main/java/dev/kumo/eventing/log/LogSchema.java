package dev.kumo.eventing.log;

import dev.kumo.common.sqlite.SqliteDatabase;
import dev.kumo.common.sqlite.SqliteLayout;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The log's database layout and how connections to it are opened: {@code events} (sequence number, broker, arrival,
 * the event in the CloudEvents JSON format) indexed by broker; {@code triggers} holding each Trigger's position;
 * {@code meta} holding the schema version and the last sequence number handed out (so numbers never repeat, even
 * after retention emptied the table). That counter is written only by batches that delete events: the last number is
 * the greater of it and the highest {@code seq} stored, so an append's commit writes no page of {@code meta}.
 */
final class LogSchema {

    static final String LAST_SEQ = "last_seq";
    private static final String LOG_ID = "log_id";
    private static final String JOURNAL_OPENS = "journal_opens";

    /** The {@link IngressJournal}'s binding to this database: its random id, and how often it was opened. */
    record JournalIdentity(long logId, long openCount) {
    }

    private static final SqliteLayout LAYOUT = new SqliteLayout("event log", 1, LAST_SEQ, List.of(
        "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, broker TEXT NOT NULL,"
                + " arrival_ms INTEGER NOT NULL, event BLOB NOT NULL)",
        "CREATE INDEX IF NOT EXISTS events_by_broker ON events(broker, seq)",
        "CREATE TABLE IF NOT EXISTS triggers (trigger TEXT PRIMARY KEY, broker TEXT NOT NULL,"
                + " low_water INTEGER NOT NULL, finished_above TEXT NOT NULL) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS triggers_by_broker ON triggers(broker)"));

    private final SqliteDatabase database;

    /** Connections with {@code synchronous=NORMAL}: durability against power loss is the {@link IngressJournal}'s. */
    LogSchema(Path database) {
        this.database = new SqliteDatabase(database, false);
    }

    /** A connection with the log's pragmas, in auto-commit: the writer begins and ends its transactions itself. */
    Connection connect() throws SQLException {
        return database.connect();
    }

    /**
     * Creates the tables when missing (each statement idempotent, committed on its own), refuses a log written by a
     * newer Kumo, and returns the last sequence number.
     */
    long migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            LAYOUT.migrate(statement);
        }
        return lastSeq(connection);
    }

    /**
     * Stores again, in one transaction, events the {@link IngressJournal} holds and SQLite lost (its last commits,
     * unsynced at a power loss); returns the last sequence number after them.
     */
    static long restore(Connection connection, List<JournalRecord> lost, long lastSeq) throws SQLException {
        if (lost.isEmpty()) {
            return lastSeq;
        }
        try (Statement statement = connection.createStatement();
                PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO events(seq, broker, arrival_ms, event) VALUES (?, ?, ?, ?)")) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                for (JournalRecord record : lost) {
                    insert.setLong(1, record.seq());
                    insert.setString(2, record.stream());
                    insert.setLong(3, record.arrivalMillis());
                    insert.setBytes(4, record.event());
                    insert.addBatch();
                }
                insert.executeBatch();
                statement.execute("COMMIT");
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
        return Math.max(lastSeq, lost.getLast().seq());
    }

    /**
     * Draws the log's random id when it has none and counts one more open of the journal, in one committed
     * transaction (made durable by the sync that follows at open).
     */
    static JournalIdentity openJournal(Connection connection) throws SQLException {
        long random = new SecureRandom().nextLong() & Long.MAX_VALUE | 1; // never 0, the id of nothing
        try (Statement statement = connection.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            try {
                statement.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('" + LOG_ID + "', " + random
                        + "), ('" + JOURNAL_OPENS + "', 0)");
                statement.execute("UPDATE meta SET value = value + 1 WHERE key = '" + JOURNAL_OPENS + "'");
                long logId = meta(statement, LOG_ID);
                long opens = meta(statement, JOURNAL_OPENS);
                statement.execute("COMMIT");
                return new JournalIdentity(logId, opens);
            } catch (SQLException e) {
                statement.execute("ROLLBACK");
                throw e;
            }
        }
    }

    private static long meta(Statement statement, String key) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT value FROM meta WHERE key = '" + key + "'")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    /** The last sequence number handed out: the counter in {@code meta} or a newer event's. */
    static long lastSeq(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT MAX(COALESCE((SELECT value FROM meta"
                + " WHERE key = ?), 0), COALESCE((SELECT MAX(seq) FROM events), 0))")) {
            query.setString(1, LAST_SEQ);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }
}

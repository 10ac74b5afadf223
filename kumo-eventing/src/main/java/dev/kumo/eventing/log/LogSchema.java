package dev.kumo.eventing.log;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The log's database layout and how connections to it are opened: {@code events} (sequence number, broker, arrival,
 * the event in the CloudEvents JSON format) indexed by broker; {@code triggers} holding each Trigger's position;
 * {@code meta} holding the schema version and the last sequence number handed out (so numbers never repeat, even
 * after retention emptied the table).
 */
final class LogSchema {

    static final int VERSION = 1;
    static final String LAST_SEQ = "last_seq";

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + VERSION + "), ('" + LAST_SEQ + "', 0)",
        "CREATE TABLE IF NOT EXISTS events (seq INTEGER PRIMARY KEY, broker TEXT NOT NULL,"
                + " arrival_ms INTEGER NOT NULL, event BLOB NOT NULL)",
        "CREATE INDEX IF NOT EXISTS events_by_broker ON events(broker, seq)",
        "CREATE TABLE IF NOT EXISTS triggers (trigger TEXT PRIMARY KEY, broker TEXT NOT NULL,"
                + " low_water INTEGER NOT NULL, finished_above TEXT NOT NULL) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS triggers_by_broker ON triggers(broker)",
    };

    private final SQLiteDataSource dataSource;

    LogSchema(Path database, boolean fsync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(fsync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
    }

    /** A connection with the log's pragmas, in auto-commit: the writer begins and ends its transactions itself. */
    Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Creates the tables when missing (each statement idempotent, committed on its own), refuses a log written by a
     * newer Kumo, and returns the last sequence number.
     */
    long migrate(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String ddl : DDL) {
                statement.execute(ddl);
            }
            try (ResultSet rows = statement.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
                int version = rows.next() ? rows.getInt(1) : 0;
                if (version > VERSION) {
                    throw new SQLException("event log schema version " + version + " is newer than this Kumo's ("
                            + VERSION + "); upgrade Kumo");
                }
            }
            long lastSeq;
            try (ResultSet rows = statement.executeQuery("SELECT value FROM meta WHERE key = '" + LAST_SEQ + "'")) {
                lastSeq = rows.next() ? rows.getLong(1) : 0;
            }
            return lastSeq;
        }
    }
}

package dev.kumo.common.sqlite;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * A SQLite database file as Kumo keeps its durable state: write-ahead log, a 10 s busy timeout, {@code FULL} or
 * {@code NORMAL} synchronous mode; and its layout, made by idempotent statements under a {@code meta} table whose
 * {@code schema_version} row refuses a database written by a newer Kumo.
 */
public final class SqliteDatabase {

    /** The key/value table every layout starts with: {@code schema_version} and the layout's own counters. */
    public static final String META_TABLE =
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID";

    private final SQLiteDataSource dataSource;

    /** The statement seeding {@code meta}: {@code schema_version} at {@code version}, {@code counter} at 0. */
    public static String metaRows(int version, String counter) {
        return "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + version + "), ('" + counter
                + "', 0)";
    }

    /** Connections to {@code database}; {@code fsync} chooses {@code synchronous=FULL} over {@code NORMAL}. */
    public SqliteDatabase(Path database, boolean fsync) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(fsync ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
    }

    /** A new connection with the pragmas above, in auto-commit. */
    public Connection connect() throws SQLException {
        return dataSource.getConnection();
    }

    /**
     * Runs {@code ddl} (idempotent statements, the {@link #META_TABLE} first) and refuses a database whose
     * {@code schema_version} is above {@code version}, naming it as {@code what} ("database", "event log").
     */
    public static void migrate(Statement statement, List<String> ddl, int version, String what)
            throws SQLException {
        for (String each : ddl) {
            statement.execute(each);
        }
        try (ResultSet rows = statement.executeQuery("SELECT value FROM meta WHERE key = 'schema_version'")) {
            int found = rows.next() ? rows.getInt(1) : 0;
            if (found > version) {
                throw new SQLException(what + " schema version " + found + " is newer than this Kumo's ("
                        + version + "); upgrade Kumo");
            }
        }
    }
}

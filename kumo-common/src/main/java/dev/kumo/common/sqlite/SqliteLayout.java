package dev.kumo.common.sqlite;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The tables of a Kumo database ({@code tables}: idempotent {@code CREATE … IF NOT EXISTS} statements) under a
 * {@code meta} table holding its {@code schema_version} and one {@code counter} (the store's resourceVersion, the
 * event log's last sequence number); {@code what} names the database in errors.
 */
public record SqliteLayout(String what, int version, String counter, List<String> tables) {

    public SqliteLayout {
        tables = List.copyOf(tables);
    }

    /**
     * Creates what is missing (each statement committed on its own unless the caller's transaction holds them),
     * refuses a database written by a newer Kumo, and returns the counter.
     */
    public long migrate(Statement statement) throws SQLException {
        statement.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)"
                + " WITHOUT ROWID");
        statement.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + version + "), ('"
                + counter + "', 0)");
        for (String table : tables) {
            statement.execute(table);
        }
        if (meta(statement, "schema_version") > version) {
            throw new SQLException(what + " schema version " + meta(statement, "schema_version")
                    + " is newer than this Kumo's (" + version + "); upgrade Kumo");
        }
        return meta(statement, counter);
    }

    private static long meta(Statement statement, String key) throws SQLException {
        try (ResultSet rows = statement.executeQuery("SELECT value FROM meta WHERE key = '" + key + "'")) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }
}

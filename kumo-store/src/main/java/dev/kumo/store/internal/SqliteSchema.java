package dev.kumo.store.internal;

import dev.kumo.store.SqliteOptions.Synchronous;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * The database layout and how connections to it are opened: {@code objects} keyed by resource, namespace and name;
 * {@code owners} indexing ownerReferences by owner uid; {@code meta} holding the resourceVersion counter.
 */
final class SqliteSchema {

    static final int VERSION = 1;
    static final String RESOURCE_VERSION = "resource_version";

    private static final String[] DDL = {
        "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID",
        "INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', " + VERSION + "), ('"
                + RESOURCE_VERSION + "', 0)",
        "CREATE TABLE IF NOT EXISTS objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,"
                + " uid TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL, UNIQUE (resource, namespace, name))",
        "CREATE INDEX IF NOT EXISTS objects_by_namespace ON objects(namespace)",
        "CREATE TABLE IF NOT EXISTS owners (owner_uid TEXT NOT NULL, resource TEXT NOT NULL,"
                + " namespace TEXT NOT NULL, name TEXT NOT NULL,"
                + " PRIMARY KEY (owner_uid, resource, namespace, name)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS owners_by_object ON owners(resource, namespace, name)",
    };

    private final SQLiteDataSource dataSource;

    SqliteSchema(Path database, Synchronous synchronous) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(synchronous == Synchronous.FULL
                ? SQLiteConfig.SynchronousMode.FULL : SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        this.dataSource = new SQLiteDataSource(config);
        dataSource.setUrl("jdbc:sqlite:" + database.toAbsolutePath());
    }

    /** A read connection with the store's pragmas, outside auto-commit (each read is one transaction). */
    Connection connect() throws SQLException {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        return connection;
    }

    /** The write connection: in auto-commit, its transactions explicit ({@link SqliteTransaction}). */
    Connection connectWriter() throws SQLException {
        return dataSource.getConnection();
    }

    /** Creates the tables when missing and refuses databases written by a newer Kumo. */
    void migrate(Connection writer) throws SQLException {
        SqliteTransaction.run(writer, () -> {
            try (Statement statement = writer.createStatement()) {
                for (String ddl : DDL) {
                    statement.execute(ddl);
                }
                try (ResultSet rows = statement.executeQuery(
                        "SELECT value FROM meta WHERE key = 'schema_version'")) {
                    int version = rows.next() ? rows.getInt(1) : 0;
                    if (version > VERSION) {
                        throw new SQLException("database schema version " + version + " is newer than this Kumo's ("
                                + VERSION + "); upgrade Kumo");
                    }
                }
            }
        });
    }
}

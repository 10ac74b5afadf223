package dev.kumo.store.internal;

import dev.kumo.common.sqlite.SqliteDatabase;
import dev.kumo.common.sqlite.SqliteLayout;
import dev.kumo.store.SqliteOptions.Synchronous;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The database layout and how connections to it are opened: {@code objects} keyed by resource, namespace and name;
 * {@code owners} indexing ownerReferences by owner uid; {@code meta} holding the resourceVersion counter.
 */
final class SqliteSchema {

    static final String RESOURCE_VERSION = "resource_version";

    private static final SqliteLayout LAYOUT = new SqliteLayout("database", 1, RESOURCE_VERSION, List.of(
        "CREATE TABLE IF NOT EXISTS objects (resource TEXT NOT NULL, namespace TEXT NOT NULL, name TEXT NOT NULL,"
                + " uid TEXT NOT NULL, rv INTEGER NOT NULL, json TEXT NOT NULL, UNIQUE (resource, namespace, name))",
        "CREATE INDEX IF NOT EXISTS objects_by_namespace ON objects(namespace)",
        "CREATE TABLE IF NOT EXISTS owners (owner_uid TEXT NOT NULL, resource TEXT NOT NULL,"
                + " namespace TEXT NOT NULL, name TEXT NOT NULL,"
                + " PRIMARY KEY (owner_uid, resource, namespace, name)) WITHOUT ROWID",
        "CREATE INDEX IF NOT EXISTS owners_by_object ON owners(resource, namespace, name)"));

    private final SqliteDatabase database;

    SqliteSchema(Path database, Synchronous synchronous) {
        this.database = new SqliteDatabase(database, synchronous == Synchronous.FULL);
    }

    /** A read connection with the store's pragmas, outside auto-commit (each read is one transaction). */
    Connection connect() throws SQLException {
        Connection connection = database.connect();
        connection.setAutoCommit(false);
        return connection;
    }

    /** The write connection: in auto-commit, its transactions explicit ({@link SqliteTransaction}). */
    Connection connectWriter() throws SQLException {
        return database.connect();
    }

    /** Creates the tables when missing and refuses databases written by a newer Kumo. */
    void migrate(Connection writer) throws SQLException {
        SqliteTransaction.run(writer, () -> {
            try (Statement statement = writer.createStatement()) {
                LAYOUT.migrate(statement);
            }
        });
    }
}

package dev.kumo.store.internal;

import dev.kumo.api.codec.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * The write side of the SQLite backend: one auto-commit connection, prepared statements, one explicit transaction
 * per change set ({@link SqliteTransaction}).
 */
final class SqliteWrites {

    private final Connection connection;
    /** Prepared on first use and again after a failure: sqlite-jdbc closes a statement whose execution failed. */
    private Statements statements;

    SqliteWrites(Connection connection) {
        this.connection = connection;
    }

    /** The resourceVersion of the last committed change set, as the database holds it. */
    long storedResourceVersion() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            query.setString(1, SqliteSchema.RESOURCE_VERSION);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0;
            }
        }
    }

    /** Applies the changes and the new resourceVersion in one transaction; rolled back entirely on failure. */
    void apply(List<Change> changes, long resourceVersion) throws SQLException {
        try {
            if (statements == null) {
                statements = Statements.prepare(connection);
            }
            Statements sql = statements;
            SqliteTransaction.run(connection, () -> {
                for (Change change : changes) {
                    keyed(sql.deleteOwners(), change.key()).executeUpdate();
                    switch (change) {
                        case Change.Put put -> put(sql, put);
                        case Change.Remove remove -> keyed(sql.deleteObject(), remove.key()).executeUpdate();
                    }
                }
                sql.setResourceVersion().setLong(1, resourceVersion);
                sql.setResourceVersion().setString(2, SqliteSchema.RESOURCE_VERSION);
                sql.setResourceVersion().executeUpdate();
            });
        } catch (SQLException | RuntimeException e) {
            if (statements != null) {
                statements.close();
                statements = null;
            }
            throw e;
        }
    }

    private static void put(Statements sql, Change.Put put) throws SQLException {
        PreparedStatement putObject = keyed(sql.putObject(), put.key());
        putObject.setString(4, put.uid());
        putObject.setLong(5, put.resourceVersion());
        putObject.setString(6, Json.write(put.object()));
        putObject.executeUpdate();
        for (String ownerUid : put.ownerUids()) {
            PreparedStatement insertOwner = sql.insertOwner();
            insertOwner.setString(1, ownerUid);
            insertOwner.setString(2, put.key().resource());
            insertOwner.setString(3, put.key().namespace());
            insertOwner.setString(4, put.key().name());
            insertOwner.executeUpdate();
        }
    }

    private static PreparedStatement keyed(PreparedStatement statement, ObjectKey key) throws SQLException {
        statement.setString(1, key.resource());
        statement.setString(2, key.namespace());
        statement.setString(3, key.name());
        return statement;
    }

    /** The write statements, prepared once per connection (and again after a failure). */
    private record Statements(PreparedStatement putObject, PreparedStatement deleteObject,
            PreparedStatement deleteOwners, PreparedStatement insertOwner, PreparedStatement setResourceVersion) {

        static Statements prepare(Connection connection) throws SQLException {
            return new Statements(connection.prepareStatement(
                    "INSERT INTO objects(resource, namespace, name, uid, rv, json) VALUES (?, ?, ?, ?, ?, ?)"
                            + " ON CONFLICT (resource, namespace, name)"
                            + " DO UPDATE SET uid = excluded.uid, rv = excluded.rv, json = excluded.json"),
                    connection.prepareStatement("DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?"),
                    connection.prepareStatement("DELETE FROM owners WHERE resource = ? AND namespace = ? AND name = ?"),
                    connection.prepareStatement(
                            "INSERT OR IGNORE INTO owners(owner_uid, resource, namespace, name) VALUES (?, ?, ?, ?)"),
                    connection.prepareStatement("UPDATE meta SET value = ? WHERE key = ?"));
        }

        void close() {
            for (PreparedStatement statement : List.of(putObject, deleteObject, deleteOwners, insertOwner,
                    setResourceVersion)) {
                try {
                    statement.close();
                } catch (SQLException e) {
                    // Closing a statement to prepare it again: nothing depends on it any more.
                }
            }
        }
    }
}

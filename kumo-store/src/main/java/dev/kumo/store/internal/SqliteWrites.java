package dev.kumo.store.internal;

import dev.kumo.api.codec.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The write side of the SQLite backend: one connection, prepared statements, one transaction per change set. */
final class SqliteWrites {

    private final Connection connection;
    private final PreparedStatement putObject;
    private final PreparedStatement deleteObject;
    private final PreparedStatement deleteOwners;
    private final PreparedStatement insertOwner;
    private final PreparedStatement setResourceVersion;

    SqliteWrites(Connection connection) throws SQLException {
        this.connection = connection;
        this.putObject = connection.prepareStatement("INSERT INTO objects(resource, namespace, name, uid, rv, json)"
                + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (resource, namespace, name)"
                + " DO UPDATE SET uid = excluded.uid, rv = excluded.rv, json = excluded.json");
        this.deleteObject = connection.prepareStatement(
                "DELETE FROM objects WHERE resource = ? AND namespace = ? AND name = ?");
        this.deleteOwners = connection.prepareStatement(
                "DELETE FROM owners WHERE resource = ? AND namespace = ? AND name = ?");
        this.insertOwner = connection.prepareStatement(
                "INSERT OR IGNORE INTO owners(owner_uid, resource, namespace, name) VALUES (?, ?, ?, ?)");
        this.setResourceVersion = connection.prepareStatement("UPDATE meta SET value = ? WHERE key = ?");
    }

    long storedResourceVersion() throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT value FROM meta WHERE key = ?")) {
            query.setString(1, SqliteSchema.RESOURCE_VERSION);
            try (ResultSet rows = query.executeQuery()) {
                long version = rows.next() ? rows.getLong(1) : 0;
                connection.commit();
                return version;
            }
        }
    }

    /** Applies the changes and the new resourceVersion in one transaction; rolled back entirely on failure. */
    void apply(List<Change> changes, long resourceVersion) throws SQLException {
        boolean committed = false;
        try {
            for (Change change : changes) {
                keyed(deleteOwners, change.key()).executeUpdate();
                switch (change) {
                    case Change.Put put -> put(put);
                    case Change.Remove remove -> keyed(deleteObject, remove.key()).executeUpdate();
                }
            }
            setResourceVersion.setLong(1, resourceVersion);
            setResourceVersion.setString(2, SqliteSchema.RESOURCE_VERSION);
            setResourceVersion.executeUpdate();
            connection.commit();
            committed = true;
        } finally {
            if (!committed) {
                connection.rollback();
            }
        }
    }

    private void put(Change.Put put) throws SQLException {
        keyed(putObject, put.key());
        putObject.setString(4, put.uid());
        putObject.setLong(5, put.resourceVersion());
        putObject.setString(6, Json.write(put.object()));
        putObject.executeUpdate();
        for (String ownerUid : put.ownerUids()) {
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
}

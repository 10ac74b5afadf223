package dev.kumo.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.store.ResourceList;
import dev.kumo.store.SqliteOptions.Synchronous;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A backend in an embedded SQLite database: one connection writes (each change set is one transaction, durable at
 * commit), a few others read; the data directory is locked against other processes.
 */
public final class SqliteBackend implements Backend {

    private static final int READERS = 4;

    private final Path database;
    private final DataDirLock lock;
    private final Connection writer;
    private final SqliteWrites writes;
    private final SqliteReaders readers;
    private volatile long resourceVersion;

    private SqliteBackend(Path database, DataDirLock lock, Connection writer, SqliteReaders readers)
            throws SQLException {
        this.database = database;
        this.lock = lock;
        this.writer = writer;
        this.writes = new SqliteWrites(writer);
        this.readers = readers;
        this.resourceVersion = writes.storedResourceVersion();
    }

    /** Opens the database at {@code database}, creating it and its directory when missing. */
    public static SqliteBackend open(Path database, Synchronous synchronous) {
        DataDirLock lock = DataDirLock.acquire(database);
        try {
            SqliteSchema schema = new SqliteSchema(database, synchronous);
            Connection writer = schema.connect();
            try {
                schema.migrate(writer);
                return new SqliteBackend(database, lock, writer, new SqliteReaders(schema, READERS));
            } catch (SQLException | RuntimeException e) {
                writer.close();
                throw e;
            }
        } catch (SQLException | RuntimeException e) {
            lock.release();
            throw StorageFailure.of("opening the store at " + database, e);
        }
    }

    @Override
    public long resourceVersion() {
        return resourceVersion;
    }

    @Override
    public Optional<ObjectNode> get(ObjectKey key) {
        return read("reading " + key, reader -> {
            PreparedStatement query = reader.prepare(
                    "SELECT json FROM objects WHERE resource = ? AND namespace = ? AND name = ?");
            bind(query, key.resource(), key.namespace(), key.name());
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? Optional.of(parse(rows.getString(1))) : Optional.empty();
            }
        });
    }

    @Override
    public ResourceList list(String resource, Optional<String> namespace, Optional<String> name) {
        String sql = "SELECT json FROM objects WHERE resource = ?" + namespace.map(n -> " AND namespace = ?").orElse("")
                + name.map(n -> " AND name = ?").orElse("") + " ORDER BY namespace, name";
        return read("listing " + resource, reader -> {
            long version = storedResourceVersion(reader);
            List<String> values = new ArrayList<>(List.of(resource));
            namespace.ifPresent(values::add);
            name.ifPresent(values::add);
            PreparedStatement query = reader.prepare(sql);
            bind(query, values.toArray(String[]::new));
            List<ObjectNode> items = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(parse(rows.getString(1)));
                }
            }
            return new ResourceList(items, version);
        });
    }

    @Override
    public List<ObjectKey> dependents(String ownerUid) {
        return keys("finding dependents of " + ownerUid,
                "SELECT resource, namespace, name FROM owners WHERE owner_uid = ?", ownerUid);
    }

    @Override
    public List<ObjectKey> contents(String namespace) {
        return keys("finding the contents of namespace " + namespace,
                "SELECT resource, namespace, name FROM objects WHERE namespace = ?", namespace);
    }

    @Override
    public void apply(List<Change> changes, long resourceVersion) {
        try {
            writes.apply(changes, resourceVersion);
            this.resourceVersion = resourceVersion;
        } catch (SQLException e) {
            throw StorageFailure.of("writing resource version " + resourceVersion + " to " + database, e);
        }
    }

    @Override
    public void close() {
        try {
            readers.close();
            writer.close();
        } catch (SQLException e) {
            throw StorageFailure.of("closing " + database, e);
        } finally {
            lock.release();
        }
    }

    private List<ObjectKey> keys(String doing, String sql, String value) {
        return read(doing, reader -> {
            PreparedStatement query = reader.prepare(sql);
            bind(query, value);
            List<ObjectKey> keys = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    keys.add(new ObjectKey(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
            return keys;
        });
    }

    private <T> T read(String doing, SqliteReaders.Read<T> read) {
        try {
            return readers.read(read);
        } catch (SQLException e) {
            throw StorageFailure.of(doing + " in " + database, e);
        }
    }

    private static long storedResourceVersion(SqliteReaders.Reader reader) throws SQLException {
        PreparedStatement query = reader.prepare("SELECT value FROM meta WHERE key = ?");
        bind(query, SqliteSchema.RESOURCE_VERSION);
        try (ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getLong(1) : 0;
        }
    }

    private static void bind(PreparedStatement statement, String... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            statement.setString(i + 1, values[i]);
        }
    }

    static ObjectNode parse(String json) throws SQLException {
        try {
            return Json.mapper().readValue(json, ObjectNode.class);
        } catch (JsonProcessingException e) {
            throw new SQLException("stored object is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}

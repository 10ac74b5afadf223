package dev.kumo.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.store.ResourceList;
import dev.kumo.store.SqliteOptions.Synchronous;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A backend in an embedded SQLite database: one connection writes (each change set is one transaction, durable at
 * commit), a few others read; the data directory is locked against other processes. A failed change set is rolled
 * back entirely and the resourceVersion is read again from the database, so the next write continues from what is
 * stored (a full disk: writes fail with 507 while it lasts and succeed as soon as space returns).
 */
public final class SqliteBackend implements Backend {

    private static final int READERS = 4;

    private final Path database;
    private final DataDirLock lock;
    private final Connection writer;
    private final SqliteWrites writes;
    private final SqliteReaders readers;
    private final WriteOutage outage;
    private volatile long resourceVersion;

    private SqliteBackend(Path database, DataDirLock lock, Connection writer, SqliteReaders readers)
            throws SQLException {
        this.database = database;
        this.lock = lock;
        this.writer = writer;
        this.writes = new SqliteWrites(writer);
        this.readers = readers;
        this.outage = new WriteOutage(database.toString());
        this.resourceVersion = writes.storedResourceVersion();
    }

    /** Opens the database at {@code database}, creating it and its directory when missing. */
    public static SqliteBackend open(Path database, Synchronous synchronous) {
        DataDirLock lock = DataDirLock.acquire(database);
        try {
            SqliteSchema schema = new SqliteSchema(database, synchronous);
            Connection writer = schema.connectWriter();
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
        } catch (SQLException e) {
            if (resync() != resourceVersion) {
                ApiException failure = StorageFailure.of("writing resource version " + resourceVersion + " to "
                        + database, e);
                outage.failed(failure.getMessage());
                throw failure;
            }
            // The commit reported an error yet the database holds it (an I/O error after the commit record was
            // written): readers see it, so it is acknowledged like any other.
        }
        this.resourceVersion = resourceVersion;
        outage.succeeded();
    }

    /** The resourceVersion as the database holds it after a failed write (unchanged when it cannot be read). */
    private long resync() {
        try {
            resourceVersion = writes.storedResourceVersion();
        } catch (SQLException e) {
            // The database cannot even be read: what was committed last is what this backend knows.
        }
        return resourceVersion;
    }

    /**
     * Lets the database grow by at most {@code pages} more pages (SQLite's {@code max_page_count} on the writer):
     * past that, writes fail with SQLITE_FULL exactly as on a full disk. For tests of what a full disk does.
     */
    void limitGrowth(long pages) {
        try (Statement statement = writer.createStatement();
                ResultSet size = statement.executeQuery("PRAGMA page_count")) {
            long current = size.next() ? size.getLong(1) : 0;
            statement.execute("PRAGMA max_page_count = " + (current + pages));
        } catch (SQLException e) {
            throw StorageFailure.of("limiting the size of " + database, e);
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

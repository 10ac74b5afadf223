package dev.kumo.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A few read connections shared by concurrent readers; each read runs in its own transaction, so it sees one
 * committed state of the WAL database however writes proceed meanwhile.
 */
final class SqliteReaders implements AutoCloseable {

    /** What a read does with its connection; prepared statements are cached per connection. */
    interface Read<T> {
        T run(Reader reader) throws SQLException;
    }

    /** One read connection and its prepared statements. */
    static final class Reader {
        private final Connection connection;
        private final Map<String, PreparedStatement> statements = new HashMap<>();

        Reader(Connection connection) {
            this.connection = connection;
        }

        PreparedStatement prepare(String sql) throws SQLException {
            PreparedStatement statement = statements.get(sql);
            if (statement == null) {
                statement = connection.prepareStatement(sql);
                statements.put(sql, statement);
            }
            return statement;
        }
    }

    private final SqliteSchema schema;
    private final int size;
    private final BlockingQueue<Reader> idle;
    private int opened;
    private boolean closed;

    SqliteReaders(SqliteSchema schema, int size) {
        this.schema = schema;
        this.size = size;
        this.idle = new ArrayBlockingQueue<>(size);
    }

    <T> T read(Read<T> read) throws SQLException {
        Reader reader = acquire();
        boolean done = false;
        try {
            T result = read.run(reader);
            reader.connection.commit();
            done = true;
            return result;
        } finally {
            if (!done) {
                reader.connection.rollback();
            }
            release(reader);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        Reader reader;
        while ((reader = idle.poll()) != null) {
            quietlyClose(reader);
        }
    }

    private Reader acquire() throws SQLException {
        Reader reader = idle.poll();
        if (reader != null) {
            return reader;
        }
        synchronized (this) {
            if (closed) {
                throw new SQLException("the store is closed");
            }
            if (opened < size) {
                Reader fresh = new Reader(schema.connect());
                opened++;
                return fresh;
            }
        }
        try {
            return idle.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted waiting for a read connection", e);
        }
    }

    private void release(Reader reader) {
        boolean keep;
        synchronized (this) {
            keep = !closed;
        }
        if (!keep || !idle.offer(reader)) {
            quietlyClose(reader);
        }
    }

    private static void quietlyClose(Reader reader) {
        try {
            reader.connection.close();
        } catch (SQLException e) {
            // Closing a read connection at shutdown: nothing is lost, and there is nobody left to tell.
        }
    }
}

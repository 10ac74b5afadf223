package dev.kumo.eventing.log;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the WAL into the database file off the writer's path. The writer's connection never checkpoints
 * ({@code wal_autocheckpoint=0}): left to SQLite, every thousandth page the committing thread would copy the WAL back
 * and fsync the database inside a commit, holding up every 202 of that batch. Here a connection of its own runs a
 * PASSIVE checkpoint (which waits for no writer or reader) once about as much has been written since the last one
 * ({@code everyBytes}, looked at every {@code period}); so no more often than SQLite would, and no extra fsync while
 * the log is quiet. With the {@link IngressJournal} (commits not synced by SQLite) it also syncs SQLite's files once
 * about {@code syncBytes} were written, after reading how far the writer committed ({@link SqliteSync}): that is what
 * lets the journal restart a file.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Connection connection;
    private final LongSupplier written;
    private final long everyBytes;
    private final Sync sync;
    private final LongSupplier committedSeq;
    private final long syncBytes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("kumo-event-log-checkpoint").daemon().unstarted(task));
    private long checkpointedAt;
    private long syncedAt;

    /** Syncs SQLite's files up to a committed sequence number ({@link SqliteSync}), or nothing. */
    interface Sync {

        Sync NONE = committedSeq -> {
        };

        void sync(long committedSeq) throws IOException;
    }

    private Checkpointer(Connection connection, LongSupplier written, long everyBytes, Sync sync,
            LongSupplier committedSeq, long syncBytes) {
        this.connection = connection;
        this.written = written;
        this.everyBytes = everyBytes;
        this.sync = sync;
        this.committedSeq = committedSeq;
        this.syncBytes = syncBytes;
    }

    /**
     * Turns automatic checkpoints off on {@code writer} and starts checkpointing on {@code connection} each time
     * {@code written} (bytes the writer stored) has grown by {@code everyBytes}, and calling {@code sync} with
     * {@code committedSeq} each time it has grown by {@code syncBytes}.
     */
    static Checkpointer start(Connection writer, Connection connection, LongSupplier written, long everyBytes,
            Duration period, Sync sync, LongSupplier committedSeq, long syncBytes) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint=0");
        }
        Checkpointer checkpointer = new Checkpointer(connection, written, everyBytes, sync, committedSeq,
                syncBytes);
        checkpointer.timer.scheduleWithFixedDelay(checkpointer::checkpoint, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkpointer;
    }

    private void checkpoint() {
        long now = written.getAsLong();
        long committed = committedSeq.getAsLong(); // before the checkpoint and the sync: they cover at least this
        if (now - checkpointedAt >= everyBytes) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
                checkpointedAt = now;
            } catch (SQLException | RuntimeException e) {
                LOG.debug("checkpointing the event log failed, trying again: {}", e.toString());
            }
        }
        if (now - syncedAt >= syncBytes) {
            try {
                sync.sync(committed);
                syncedAt = now;
            } catch (IOException | RuntimeException e) {
                LOG.debug("syncing the event log failed: {}", e.toString()); // SqliteSync logged it, once
            }
        }
    }

    /** Stops checkpointing (what is left is checkpointed when the last connection closes) and closes its connection. */
    @Override
    public void close() {
        timer.shutdown(); // not shutdownNow: an interrupt inside FileChannel.force would close SqliteSync's files
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                connection.close();
            } catch (SQLException e) {
                // Closing anyway.
            }
        }
    }
}

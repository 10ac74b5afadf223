package dev.kumo.eventing.log;

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
 * the log is quiet. Durability is the WAL's: each commit is fsynced before its callers hear of it, as before.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);

    private final Connection connection;
    private final LongSupplier written;
    private final long everyBytes;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            task -> Thread.ofPlatform().name("kumo-event-log-checkpoint").daemon().unstarted(task));
    private long checkpointedAt;

    private Checkpointer(Connection connection, LongSupplier written, long everyBytes) {
        this.connection = connection;
        this.written = written;
        this.everyBytes = everyBytes;
    }

    /**
     * Turns automatic checkpoints off on {@code writer} and starts checkpointing on {@code connection} each time
     * {@code written} (bytes the writer stored) has grown by {@code everyBytes}.
     */
    static Checkpointer start(Connection writer, Connection connection, LongSupplier written, long everyBytes,
            Duration period) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("PRAGMA wal_autocheckpoint=0");
        }
        Checkpointer checkpointer = new Checkpointer(connection, written, everyBytes);
        checkpointer.timer.scheduleWithFixedDelay(checkpointer::checkpoint, period.toMillis(), period.toMillis(),
                TimeUnit.MILLISECONDS);
        return checkpointer;
    }

    private void checkpoint() {
        long now = written.getAsLong();
        if (now - checkpointedAt < everyBytes) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA wal_checkpoint(PASSIVE)");
            checkpointedAt = now;
        } catch (SQLException | RuntimeException e) {
            LOG.debug("checkpointing the event log failed, trying again: {}", e.toString());
        }
    }

    /** Stops checkpointing (what is left is checkpointed when the last connection closes) and closes its connection. */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(10, TimeUnit.SECONDS);
            connection.close();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            // Closing anyway.
        }
    }
}

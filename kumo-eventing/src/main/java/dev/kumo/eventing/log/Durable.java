package dev.kumo.eventing.log;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the log is made durable, set up at open: with {@code fsync}, the {@link IngressJournal} and the
 * {@link SqliteSync} it relies on — after the events SQLite lost were stored again from the journal and SQLite was
 * synced, so both journal files are free — else nothing beyond SQLite's own commits.
 *
 * @param lastSeq the log's last sequence number, the restored events counted
 */
record Durable(LogWriter.Durability journal, Checkpointer.Sync sqlite, long lastSeq, List<AutoCloseable> files) {

    static final Durable NONE = new Durable(LogWriter.Durability.NONE, Checkpointer.Sync.NONE, 0,
            List.of());

    static Durable open(Path database, boolean fsync, Connection writer, long storedLastSeq)
            throws IOException, SQLException {
        if (!fsync) {
            return new Durable(LogWriter.Durability.NONE, Checkpointer.Sync.NONE, storedLastSeq,
                    List.of());
        }
        SqliteSync sqlite = SqliteSync.open(database);
        IngressJournal journal;
        try {
            journal = IngressJournal.open(database, sqlite, IngressJournal.FILE_BYTES);
        } catch (IOException | RuntimeException e) {
            sqlite.close();
            throw e;
        }
        Durable durable = new Durable(journal, sqlite, storedLastSeq, List.of(journal, sqlite));
        try {
            long lastSeq = LogSchema.restore(writer, journal.above(storedLastSeq), storedLastSeq);
            sqlite.sync(lastSeq);
            return new Durable(journal, sqlite, lastSeq, durable.files);
        } catch (IOException | SQLException | RuntimeException e) {
            durable.close();
            throw e;
        }
    }

    /** Closes the journal's and SQLite's files; call after SQLite's connections are closed. */
    void close() {
        for (AutoCloseable file : files) {
            try {
                file.close();
            } catch (Exception e) {
                // Closing anyway.
            }
        }
    }
}

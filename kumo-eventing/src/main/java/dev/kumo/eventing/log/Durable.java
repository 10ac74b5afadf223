package dev.kumo.eventing.log;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * How the log is made durable, set up at open: with {@code fsync}, the {@link IngressJournal} and the
 * {@link SqliteSync} it relies on — after the events SQLite lost were stored again from the journal and SQLite was
 * synced, so both journal files are free — else nothing beyond SQLite's own commits. Journal files left by an open
 * with {@code fsync} are read back without it too: the events they hold were acknowledged as durable.
 *
 * @param lastSeq the log's last sequence number, the restored events counted
 */
record Durable(LogWriter.Durability journal, Checkpointer.Sync sqlite, long lastSeq) {

    /**
     * Sets up durability for the log at {@code database}; every file it opens is added to {@code files} at once, for
     * the caller to close after SQLite's connections (see {@link SqliteSync}), whether this returns or throws.
     */
    static Durable open(Path database, boolean fsync, Connection writer, long storedLastSeq,
            List<AutoCloseable> files) throws IOException, SQLException {
        if (!fsync && !Files.exists(database.resolveSibling(database.getFileName() + ".journal-0"))
                && !Files.exists(database.resolveSibling(database.getFileName() + ".journal-1"))) {
            return new Durable(LogWriter.Durability.NONE, Checkpointer.Sync.NONE, storedLastSeq);
        }
        SqliteSync sqlite = SqliteSync.open(database);
        files.add(sqlite);
        LogSchema.JournalIdentity identity = LogSchema.openJournal(writer);
        IngressJournal journal = IngressJournal.open(database, sqlite, IngressJournal.FILE_BYTES, identity.logId(),
                identity.openCount());
        files.addFirst(journal);
        long lastSeq = LogSchema.restore(writer, journal.above(storedLastSeq), storedLastSeq);
        sqlite.sync(lastSeq);
        return fsync ? new Durable(journal, sqlite, lastSeq)
                : new Durable(LogWriter.Durability.NONE, Checkpointer.Sync.NONE, lastSeq);
    }

    /** Closes {@code files} (as {@link #open} filled them); call after SQLite's connections are closed. */
    static void close(List<AutoCloseable> files) {
        for (AutoCloseable file : files) {
            try {
                file.close();
            } catch (Exception e) {
                // Closing anyway.
            }
        }
    }
}

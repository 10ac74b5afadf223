package dev.kumo.eventing.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes what SQLite committed (with {@code synchronous=NORMAL}: no sync per commit) durable on demand, and remembers
 * up to which sequence number it did: it syncs the {@code -wal} file, then the database file, with
 * {@code force(false)} (fdatasync). A commit is then in the WAL just synced or, if a checkpoint already copied it and
 * restarted the WAL, in the database file (SQLite syncs it after each completed checkpoint in NORMAL mode; synced
 * here again all the same). The files stay open until {@link #close}, after SQLite's connections: closing any
 * descriptor of the database file would drop the POSIX locks SQLite holds on it. A failed sync is final: Linux
 * reports a writeback error once, so a later sync of the same descriptors would succeed without the lost pages;
 * from then on every sync fails and {@link #syncedSeq} stays where it was, until the log is opened again (as
 * PostgreSQL does after a failed fsync).
 */
final class SqliteSync implements Checkpointer.Sync, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SqliteSync.class);

    private final List<FileChannel> files;
    private final Force force;
    private final AtomicLong synced = new AtomicLong();
    private IOException failed;

    /** What one sync does to the files: {@code force(false)} each, or a test's stand-in. */
    interface Force {

        void force(List<FileChannel> files) throws IOException;
    }

    SqliteSync(List<FileChannel> files, Force force) {
        this.files = files;
        this.force = force;
    }

    private SqliteSync(List<FileChannel> files) {
        this(files, channels -> {
            for (FileChannel file : channels) {
                file.force(false);
            }
        });
    }

    /** Opens {@code database} and its {@code -wal} (present while a connection in WAL mode is open) for syncing. */
    static SqliteSync open(Path database) throws IOException {
        FileChannel wal = FileChannel.open(database.resolveSibling(database.getFileName() + "-wal"),
                StandardOpenOption.READ);
        try {
            return new SqliteSync(List.of(wal, FileChannel.open(database, StandardOpenOption.READ)));
        } catch (IOException e) {
            wal.close();
            throw e;
        }
    }

    /** The highest sequence number known to be on a synced medium by this. */
    long syncedSeq() {
        return synced.get();
    }

    /** Syncs SQLite's files; every commit up to {@code committedSeq} (read before this call) is then durable. */
    @Override
    public synchronized void sync(long committedSeq) throws IOException {
        if (failed != null) {
            throw new IOException("an earlier sync of the event log's SQLite files failed (" + failed
                    + "); nothing is trusted as synced since: restart Kumo once the disk is sound", failed);
        }
        try {
            force.force(files);
        } catch (IOException | RuntimeException e) {
            failed = e instanceof IOException io ? io : new IOException(e);
            LOG.error("syncing the event log's SQLite files failed: {}; appends that need a sync fail until Kumo"
                    + " is restarted", e.toString());
            throw failed;
        }
        synced.accumulateAndGet(committedSeq, Math::max);
    }

    @Override
    public void close() {
        for (FileChannel file : files) {
            try {
                file.close();
            } catch (IOException e) {
                // Closing anyway.
            }
        }
    }
}

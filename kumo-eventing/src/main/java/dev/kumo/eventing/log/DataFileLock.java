package dev.kumo.eventing.log;

import dev.kumo.common.lock.ExclusiveFileLock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An exclusive OS lock on {@code <database>.lock} so that one process owns the log; the OS drops it when the process
 * dies, even by {@code kill -9}.
 */
final class DataFileLock implements AutoCloseable {

    private final ExclusiveFileLock lock;

    private DataFileLock(ExclusiveFileLock lock) {
        this.lock = lock;
    }

    static DataFileLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        try {
            return new DataFileLock(ExclusiveFileLock.tryAcquire(file).orElseThrow(() -> new LogFailure("the event log "
                    + database + " is in use by another event mesh (" + file + " is locked); stop it or use another"
                    + " data directory")));
        } catch (IOException e) {
            throw new LogFailure("locking " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}

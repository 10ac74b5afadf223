package dev.kumo.store.internal;

import dev.kumo.common.lock.ExclusiveFileLock;
import java.io.IOException;
import java.nio.file.Path;

/**
 * An exclusive OS lock on {@code <database>.lock}, so one process (and one store in it) owns a data directory;
 * the OS drops it when the process dies, even by {@code kill -9}.
 */
final class DataDirLock {

    private final ExclusiveFileLock lock;

    private DataDirLock(ExclusiveFileLock lock) {
        this.lock = lock;
    }

    static DataDirLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        try {
            return new DataDirLock(ExclusiveFileLock.tryAcquire(file).orElseThrow(() -> inUse(file)));
        } catch (IOException e) {
            throw StorageFailure.of("locking " + file, e);
        }
    }

    void release() {
        lock.close();
    }

    private static IllegalStateException inUse(Path file) {
        return new IllegalStateException("the data directory " + file.getParent()
                + " is in use by another store (lock " + file.getFileName() + " is held); stop it or use another"
                + " directory");
    }
}

package dev.kumo.runtime.process;

import dev.kumo.common.lock.ExclusiveFileLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * An exclusive OS lock on {@code runtime.lock}, so one runtime owns a state directory and never reaps the live
 * processes of another; the OS drops it when the process dies.
 */
final class StateDirLock implements AutoCloseable {

    private final ExclusiveFileLock lock;

    private StateDirLock(ExclusiveFileLock lock) {
        this.lock = lock;
    }

    static StateDirLock acquire(Path stateDir) {
        try {
            return new StateDirLock(ExclusiveFileLock.tryAcquire(stateDir.resolve("runtime.lock"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                    .orElseThrow(() -> new IllegalStateException("the runtime state directory " + stateDir
                            + " is in use by another process runtime; stop it or use another directory")));
        } catch (IOException e) {
            throw new UncheckedIOException("locking the runtime state directory " + stateDir, e);
        }
    }

    @Override
    public void close() {
        lock.close();
    }
}

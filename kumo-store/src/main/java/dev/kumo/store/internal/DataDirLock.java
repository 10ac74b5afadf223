package dev.kumo.store.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <database>.lock}, so one process (and one store in it) owns a data directory;
 * the OS drops it when the process dies, even by {@code kill -9}.
 */
final class DataDirLock {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(file);
            }
            return new DataDirLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(file);
        } catch (IOException e) {
            closeQuietly(channel);
            throw StorageFailure.of("locking " + file, e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    void release() {
        try {
            lock.release();
        } catch (IOException e) {
            // Closing the channel below drops the lock anyway.
        }
        closeQuietly(channel);
    }

    private static IllegalStateException inUse(Path file) {
        return new IllegalStateException("the data directory " + file.getParent()
                + " is in use by another store (lock " + file.getFileName() + " is held); stop it or use another"
                + " directory");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Nothing to do: the channel is being given up.
            }
        }
    }
}

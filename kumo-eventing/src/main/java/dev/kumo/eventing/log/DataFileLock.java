package dev.kumo.eventing.log;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An exclusive OS lock on {@code <database>.lock} so that one process owns the log; the OS drops it when the process
 * dies, even by {@code kill -9}.
 */
final class DataFileLock implements AutoCloseable {

    private final FileChannel channel;

    private DataFileLock(FileChannel channel) {
        this.channel = channel;
    }

    static DataFileLock acquire(Path database) {
        Path file = database.resolveSibling(database.getFileName() + ".lock");
        try {
            Files.createDirectories(database.toAbsolutePath().getParent());
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new LogFailure("the event log " + database + " is in use by another event mesh (" + file
                        + " is locked); stop it or use another data directory");
            }
            return new DataFileLock(channel);
        } catch (IOException e) {
            throw new LogFailure("locking " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // The lock goes with the process anyway.
        }
    }
}

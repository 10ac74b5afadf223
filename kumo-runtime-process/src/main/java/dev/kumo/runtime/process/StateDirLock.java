package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * An exclusive OS lock on {@code runtime.lock}, so one runtime owns a state directory and never reaps the live
 * processes of another; the OS drops it when the process dies.
 */
final class StateDirLock implements AutoCloseable {

    private final FileChannel channel;

    private StateDirLock(FileChannel channel) {
        this.channel = channel;
    }

    static StateDirLock acquire(Path stateDir) {
        Path file = stateDir.resolve("runtime.lock");
        FileChannel channel = null;
        try {
            Files.createDirectories(stateDir);
            channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                    PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rw-------")));
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw inUse(stateDir);
            }
            return new StateDirLock(channel);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw inUse(stateDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("locking the runtime state directory " + stateDir, e);
        }
    }

    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static IllegalStateException inUse(Path stateDir) {
        return new IllegalStateException("the runtime state directory " + stateDir
                + " is in use by another process runtime; stop it or use another directory");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // Closing the channel drops the lock; nothing else to do.
            }
        }
    }
}

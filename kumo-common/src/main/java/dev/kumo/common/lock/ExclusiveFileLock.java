package dev.kumo.common.lock;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.Optional;
import java.util.Set;

/**
 * An exclusive OS lock on a file, so that one owner (a process, and one component in it) holds a directory or a
 * database; the OS drops it when the process dies, even by {@code kill -9}.
 */
public final class ExclusiveFileLock implements AutoCloseable {

    private final Path file;
    private final FileChannel channel;

    private ExclusiveFileLock(Path file, FileChannel channel) {
        this.file = file;
        this.channel = channel;
    }

    /**
     * Locks {@code file}, creating it (with {@code attributes}, e.g. mode 600) and its directory when missing;
     * empty when another process, or another channel of this one, holds it.
     */
    public static Optional<ExclusiveFileLock> tryAcquire(Path file, FileAttribute<?>... attributes)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                attributes);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
        if (lock == null) {
            closeQuietly(channel);
            return Optional.empty();
        }
        return Optional.of(new ExclusiveFileLock(file, channel));
    }

    /** The locked file. */
    public Path file() {
        return file;
    }

    /** Releases the lock (closing its channel drops it). */
    @Override
    public void close() {
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing to do: the channel is being given up, and the lock goes with the process anyway.
        }
    }
}

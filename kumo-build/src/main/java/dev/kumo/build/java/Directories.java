package dev.kumo.build.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Cache directories filled once and swapped in whole, so a reader never sees half of one. */
public final class Directories {

    private Directories() {
    }

    /** The content of {@code stamp}, if the stamped directory is complete. */
    public static Optional<String> stamp(Path stamp) {
        try {
            return Files.isRegularFile(stamp) ? Optional.of(Files.readString(stamp).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + stamp, e);
        }
    }

    /** How a cache directory is filled: into an empty directory that replaces the old one once it is complete. */
    @FunctionalInterface
    public interface Fill {
        void into(Path scratch) throws InterruptedException;
    }

    /**
     * Fills a new directory beside {@code target} and swaps it in, stamped with {@code key}; a fill that fails (or is
     * cancelled) leaves the old directory and no scratch behind.
     */
    public static void replace(Path target, Path stamp, String key, Fill fill) throws InterruptedException {
        Path scratch = scratchFor(target);
        try {
            fill.into(scratch);
        } catch (RuntimeException | InterruptedException e) {
            delete(scratch);
            throw e;
        }
        swapIn(scratch, target, stamp, key);
    }

    private static Path scratchFor(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a directory beside " + target, e);
        }
    }

    // Replaces target by the filled scratch, then writes the stamp saying what it holds.
    private static void swapIn(Path scratch, Path target, Path stamp, String key) {
        try {
            Files.deleteIfExists(stamp);
            delete(target);
            try {
                Files.move(scratch, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException raced) {
                delete(scratch);
            }
            Files.writeString(stamp, key);
        } catch (IOException e) {
            throw new UncheckedIOException("moving " + scratch + " to " + target, e);
        }
    }

    /** Deletes {@code dir} and everything under it, if it exists; symbolic links are removed, not followed. */
    public static void delete(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("deleting " + dir, e);
        }
    }
}

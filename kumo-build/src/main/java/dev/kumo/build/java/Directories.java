package dev.kumo.build.java;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Cache directories filled once and swapped in whole, so a reader never sees half of one. */
final class Directories {

    private Directories() {
    }

    /** The content of {@code stamp}, if the stamped directory is complete. */
    static Optional<String> stamp(Path stamp) {
        try {
            return Files.isRegularFile(stamp) ? Optional.of(Files.readString(stamp).trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + stamp, e);
        }
    }

    /** A new empty directory beside {@code target}, to fill and then {@link #swapIn}. */
    static Path scratchFor(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempDirectory(target.getParent(), target.getFileName() + ".tmp-");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a directory beside " + target, e);
        }
    }

    /** Replaces {@code target} by the filled {@code scratch}, then writes {@code stamp} saying what it holds. */
    static void swapIn(Path scratch, Path target, Path stamp, String key) {
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
    static void delete(Path dir) {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
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

package dev.kumo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Removal of a benchmark's temporary directory. */
final class TempDir {

    private TempDir() {
    }

    /** Deletes {@code path} and everything under it. */
    static void deleteRecursively(Path path) throws IOException {
        try (var files = Files.walk(path)) {
            List<Path> all = new ArrayList<>(files.toList());
            Collections.reverse(all);
            for (Path p : all) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.kumo.bench;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's {@code bin/kumo}, found from the working directory up (the root, or a module under it). */
final class KumoBinary {

    private KumoBinary() {
    }

    static Path find() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path kumo = dir.resolve("bin").resolve("kumo");
            if (Files.isExecutable(kumo)) {
                return kumo;
            }
        }
        throw new IllegalStateException("bin/kumo not found above " + Path.of("").toAbsolutePath());
    }
}

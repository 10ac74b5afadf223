package dev.kumo.build.spi;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Paths a Build names inside its source (a contextDir, a Containerfile), resolved with their symlinks, so that a
 * name like {@code ../x}, {@code /etc/x} or a symlink in a cloned repository cannot reach the rest of the machine.
 */
public final class SourcePaths {

    private SourcePaths() {
    }

    /** The real path of {@code relative} under {@code root}, if it exists and stays inside root's real path. */
    public static Optional<Path> inside(Path root, String relative) {
        try {
            Path realRoot = root.toRealPath();
            Path real = realRoot.resolve(relative).toRealPath();
            return real.startsWith(realRoot) ? Optional.of(real) : Optional.empty();
        } catch (IOException e) {
            // Missing (or unreadable): there is no such path inside the source.
            return Optional.empty();
        }
    }
}

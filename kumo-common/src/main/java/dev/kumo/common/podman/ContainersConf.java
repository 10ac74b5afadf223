package dev.kumo.common.podman;

import dev.kumo.common.files.PrivateDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The containers.conf Kumo gives podman ({@code CONTAINERS_CONF} makes podman read only this file, so /etc is left
 * alone): what this machine kind needs and nothing else. Kumo's podman service (kumo-runtime-podman) and the CLI's
 * podman runs ({@code kumo image}, {@code kumo doctor}) read the same, so they see the same storage and settings.
 */
public final class ContainersConf {

    /**
     * No default ulimits (rootful podman asks RLIMIT_NOFILE=1048576, which a root without CAP_SYS_RESOURCE cannot
     * set); runc (crun fails on cgroup v1/v2 hybrids). Podman's defaults otherwise (events, cgroup manager, log
     * driver): an {@code events_logger = "file"} here silences the events stream.
     */
    public static final String SETTINGS = """
            [containers]
            default_ulimits = []
            [engine]
            runtime = "runc"
            """;

    private static final String HEADER = "# Written by Kumo for podman (CONTAINERS_CONF); rewritten each time.\n";

    private ContainersConf() {
    }

    /** Writes {@code containers.conf} into {@code dir}, readable by its owner only (as every file Kumo writes). */
    public static Path write(Path dir) {
        Path file = dir.resolve("containers.conf");
        try {
            PrivateDirectories.create(dir);
            try (var channel = Files.newByteChannel(file, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))) {
                channel.write(StandardCharsets.UTF_8.encode(HEADER + SETTINGS));
            }
            // A file left by an earlier Kumo keeps its mode on open: make it the owner's too.
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing podman's configuration " + file, e);
        }
    }
}

package dev.kumo.runtime.podman;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The containers.conf Kumo's own podman service reads ({@code CONTAINERS_CONF} makes it read only this file, so
 * /etc is left alone): what this machine kind needs and nothing else.
 */
final class ContainersConf {

    /**
     * No default ulimits (rootful podman asks RLIMIT_NOFILE=1048576, which a root without CAP_SYS_RESOURCE cannot
     * set); runc (crun fails on cgroup v1/v2 hybrids). Podman's defaults otherwise (events, cgroup manager, k8s-file
     * logs where there is no journald): an {@code events_logger = "file"} here silences the events stream.
     */
    static final String CONTENT = """
            # Written by kumo server for its podman service; rewritten at each start.
            [containers]
            default_ulimits = []

            [engine]
            runtime = "runc"
            """;

    private ContainersConf() {
    }

    /** Writes the file into {@code dir}; returns its path. */
    static Path write(Path dir) {
        Path file = dir.resolve("containers.conf");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, CONTENT);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("writing podman's configuration " + file, e);
        }
    }
}

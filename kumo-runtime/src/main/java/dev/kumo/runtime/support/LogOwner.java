package dev.kumo.runtime.support;

import dev.kumo.runtime.spi.RevisionRef;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * Whose log a directory holds ({@code instance.properties}: namespace, service, configuration, revision, instance)
 * and when that instance stopped, if it did.
 */
record LogOwner(RevisionRef revision, String instanceId, Optional<Instant> stoppedAt) {

    static final String FILE = "instance.properties";

    /** Writes (or rewrites) the file in {@code dir}, mode 600. */
    static void write(Path dir, RevisionRef revision, String instanceId, Optional<Instant> stoppedAt)
            throws IOException {
        Properties properties = new Properties();
        properties.setProperty("namespace", revision.namespace());
        revision.service().ifPresent(service -> properties.setProperty("service", service));
        properties.setProperty("configuration", revision.configuration());
        properties.setProperty("revision", revision.revision());
        properties.setProperty("instance", instanceId);
        stoppedAt.ifPresent(at -> properties.setProperty("stopped-at", at.toString()));
        Path file = dir.resolve(FILE);
        Path written = dir.resolve(FILE + ".new");
        Files.deleteIfExists(written);
        try (Writer writer = Channels.newWriter(Files.newByteChannel(written, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------"))), StandardCharsets.UTF_8)) {
            properties.store(writer, null);
        }
        Files.move(written, file, StandardCopyOption.REPLACE_EXISTING,
                StandardCopyOption.ATOMIC_MOVE);
    }

    /** The owner written in {@code dir}; empty if there is no such file or it is incomplete. */
    static Optional<LogOwner> read(Path dir) {
        Path file = dir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        String namespace = properties.getProperty("namespace");
        String configuration = properties.getProperty("configuration");
        String revision = properties.getProperty("revision");
        String instance = properties.getProperty("instance");
        if (namespace == null || configuration == null || revision == null || instance == null) {
            return Optional.empty();
        }
        Optional<Instant> stopped;
        try {
            stopped = Optional.ofNullable(properties.getProperty("stopped-at")).map(Instant::parse);
        } catch (DateTimeParseException e) {
            stopped = Optional.empty();
        }
        return Optional.of(new LogOwner(new RevisionRef(namespace, Optional.ofNullable(properties.getProperty(
                "service")), configuration, revision), instance, stopped));
    }
}

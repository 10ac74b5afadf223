package dev.kumo.runtime.process;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * What identifies a running workload process on disk, so a later server can find it if this one crashes: its pid,
 * start instant and executable, its cgroup directories (everything in them is the instance's), and whether it leads
 * its own session (the fallback without cgroups).
 */
record InstanceRecord(String instanceId, long pid, Instant startInstant, String command, List<Path> cgroups,
        boolean session) {

    InstanceRecord {
        cgroups = List.copyOf(cgroups);
    }

    /** A record without cgroup or session. */
    InstanceRecord(String instanceId, long pid, Instant startInstant, String command) {
        this(instanceId, pid, startInstant, command, List.of(), false);
    }

    /** The record of a freshly started process, if the OS tells its start time and executable. */
    static Optional<InstanceRecord> of(String instanceId, ProcessHandle process) {
        return of(instanceId, process, List.of(), false);
    }

    /** The record of a freshly started process in its cgroup or session. */
    static Optional<InstanceRecord> of(String instanceId, ProcessHandle process, List<Path> cgroups,
            boolean session) {
        ProcessHandle.Info info = process.info();
        if (info.startInstant().isEmpty() || info.command().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new InstanceRecord(instanceId, process.pid(), info.startInstant().get(),
                info.command().get(), cgroups, session));
    }

    /** Whether the handle is this very process: same start instant and same executable. */
    boolean matches(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        return process.pid() == pid && info.startInstant().equals(Optional.of(startInstant))
                && info.command().equals(Optional.of(command));
    }

    /** Writes the record atomically as {@code <dir>/<instanceId>.properties}. */
    void write(Path dir) {
        Properties properties = new Properties();
        properties.setProperty("instance", instanceId);
        properties.setProperty("pid", Long.toString(pid));
        properties.setProperty("start", startInstant.toString());
        properties.setProperty("command", command);
        properties.setProperty("session", Boolean.toString(session));
        for (int i = 0; i < cgroups.size(); i++) {
            properties.setProperty("cgroup." + i, cgroups.get(i).toString());
        }
        Path file = file(dir, instanceId);
        Path temp = dir.resolve(instanceId + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(temp);
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                properties.store(out, "a Kumo workload process");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the record of instance " + instanceId + " to " + file, e);
        }
    }

    /** Reads a record, empty if the file is not a complete record. */
    static Optional<InstanceRecord> read(Path file) {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
            List<Path> cgroups = new ArrayList<>();
            for (int i = 0; properties.getProperty("cgroup." + i) != null; i++) {
                cgroups.add(Path.of(properties.getProperty("cgroup." + i)));
            }
            return Optional.of(new InstanceRecord(properties.getProperty("instance"),
                    Long.parseLong(properties.getProperty("pid")), Instant.parse(properties.getProperty("start")),
                    properties.getProperty("command"), cgroups,
                    Boolean.parseBoolean(properties.getProperty("session"))))
                    .filter(record -> record.instanceId() != null && record.command() != null);
        } catch (IOException | IllegalArgumentException | NullPointerException | DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Deletes the record of an instance if there is one. */
    static void delete(Path dir, String instanceId) {
        try {
            Files.deleteIfExists(file(dir, instanceId));
        } catch (IOException e) {
            throw new UncheckedIOException("deleting the record of instance " + instanceId, e);
        }
    }

    static Path file(Path dir, String instanceId) {
        return dir.resolve(instanceId + ".properties");
    }
}

package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.FileEntry;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes a ConfigMap/Secret volume as the kubelet's atomic writer does, so a container that has the directory
 * mounted sees either all the old files or all the new ones: the files go into a fresh timestamped directory
 * ({@code ..2026_12_06_05_30_00.123456789}), the {@code ..data} symlink is swapped to it by a rename, and each
 * top-level entry is a symlink through {@code ..data}. All links are relative, so they resolve inside the container.
 */
final class AtomicWriter {

    static final String DATA = "..data";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("'..'yyyy_MM_dd_HH_mm_ss.")
            .withZone(ZoneOffset.UTC);
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwxr-xr-x");

    private final Path dir;
    private final Owner owner;

    /** A writer of {@code dir}, chowning what it writes to {@code owner}. */
    AtomicWriter(Path dir, Owner owner) {
        this.dir = dir;
        this.owner = owner;
    }

    /** Who owns the files: the container's runAsUser/runAsGroup, so it can read a Secret's 0400 files. */
    record Owner(OptionalLong user, OptionalLong group) {

        static final Owner SERVER = new Owner(OptionalLong.empty(), OptionalLong.empty());
    }

    /** Writes {@code files} (paths relative to the volume) and swaps them in; the previous generation is removed. */
    void write(Map<String, FileEntry> files, Instant now) throws IOException {
        Files.createDirectories(dir);
        setMode(dir, DIR_MODE);
        Path previous = Files.isSymbolicLink(dir.resolve(DATA)) ? Files.readSymbolicLink(dir.resolve(DATA)) : null;
        Path generation = newGeneration(now);
        for (Map.Entry<String, FileEntry> file : files.entrySet()) {
            Path path = generation.resolve(file.getKey());
            for (Path parent = path.getParent(); !parent.equals(generation); parent = parent.getParent()) {
                Files.createDirectories(parent);
                setMode(parent, DIR_MODE);
                owner(parent);
            }
            Files.write(path, file.getValue().data());
            setMode(path, PosixFilePermissions.fromString(modeString(file.getValue().mode())));
            owner(path);
        }
        Path swap = dir.resolve(DATA + "_tmp");
        Files.deleteIfExists(swap);
        Files.createSymbolicLink(swap, generation.getFileName());
        Files.move(swap, dir.resolve(DATA), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        Set<String> top = new TreeSet<>();
        files.keySet().forEach(path -> top.add(Path.of(path).getName(0).toString()));
        linkTopLevel(top);
        if (previous != null && !previous.equals(generation.getFileName())) {
            VolumeDirs.deleteTree(dir.resolve(previous));
        }
    }

    private Path newGeneration(Instant now) throws IOException {
        String stamp = STAMP.format(now) + String.format("%09d", now.getNano());
        for (int attempt = 0; ; attempt++) {
            Path generation = dir.resolve(attempt == 0 ? stamp : stamp + "_" + attempt);
            try {
                Files.createDirectory(generation);
                setMode(generation, DIR_MODE);
                owner(generation);
                return generation;
            } catch (FileAlreadyExistsException e) {
                // Two writes within one nanosecond: the next suffix.
            }
        }
    }

    /** A symlink {@code name -> ..data/name} for each top-level entry; links to entries gone are removed. */
    private void linkTopLevel(Set<String> top) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (!name.startsWith("..") && Files.isSymbolicLink(entry) && !top.contains(name)) {
                    Files.delete(entry);
                }
            }
        }
        for (String name : top) {
            Path link = dir.resolve(name);
            if (!Files.isSymbolicLink(link)) {
                Files.createSymbolicLink(link, Path.of(DATA, name));
            }
        }
    }

    private void owner(Path path) throws IOException {
        if (owner.user().isPresent()) {
            Files.setAttribute(path, "unix:uid", (int) owner.user().getAsLong());
        }
        if (owner.group().isPresent()) {
            Files.setAttribute(path, "unix:gid", (int) owner.group().getAsLong());
        }
    }

    private static void setMode(Path path, Set<PosixFilePermission> mode) throws IOException {
        Files.setPosixFilePermissions(path, mode);
    }

    /** {@code 0640} as {@code rw-r-----}. */
    static String modeString(int mode) {
        StringBuilder text = new StringBuilder(9);
        for (int shift = 6; shift >= 0; shift -= 3) {
            int bits = (mode >> shift) & 7;
            text.append((bits & 4) != 0 ? 'r' : '-').append((bits & 2) != 0 ? 'w' : '-')
                    .append((bits & 1) != 0 ? 'x' : '-');
        }
        return text.toString();
    }
}

package dev.kumo.server;

import dev.kumo.common.lock.ExclusiveFileLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The server's data directory: created on first use with mode 700 (and made so when found wider, since Secrets are
 * stored in it), locked so that one server owns it, holding the API token and the API's URL.
 */
final class DataDirectory implements AutoCloseable {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY = PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------"));

    private final Path path;
    private final ExclusiveFileLock lock;

    private DataDirectory(Path path, ExclusiveFileLock lock) {
        this.path = path;
        this.lock = lock;
    }

    /** Creates and locks the directory; fails with a clear message when another server holds it. */
    static DataDirectory open(Path path) {
        try {
            Files.createDirectories(path);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
            ExclusiveFileLock lock = ExclusiveFileLock.tryAcquire(path.resolve("server.lock"), OWNER_ONLY)
                    .orElseThrow(() -> new IllegalStateException("data directory " + path + " is in use by another"
                            + " kumo server; stop it or pass --data-dir with another directory"));
            return new DataDirectory(path, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("opening data directory " + path + ": " + e.getMessage(), e);
        }
    }

    Path path() {
        return path;
    }

    /** The API token, generated (32 random bytes, hex, mode 600) on first use and kept in {@code token}. */
    String token() {
        Path file = path.resolve("token");
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[32];
            new SecureRandom().nextBytes(bytes);
            String token = HexFormat.of().formatHex(bytes);
            writePrivately(file, token + "\n");
            return token;
        } catch (IOException e) {
            throw new UncheckedIOException("reading or creating the API token " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Records where the API answers ({@code api-url}, e.g. {@code https://127.0.0.1:7780}), so that the kumo CLI
     * given this directory finds the server, its scheme and its port (port 0 picks one at each start).
     */
    void writeApiUrl(String url) {
        try {
            writePrivately(path.resolve("api-url"), url + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + path.resolve("api-url") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes the SQLite database {@code name} (and its lock) the owner's only before it is opened: creates them with
     * mode 600 when missing (SQLite gives the {@code -wal} and {@code -shm} files the database's mode) and takes
     * the database's files found wider (from an older Kumo) down to 600.
     */
    void ownerOnlyDatabase(String name) {
        try {
            for (String file : List.of(name, name + ".lock")) {
                if (!Files.exists(path.resolve(file))) {
                    Files.createFile(path.resolve(file), OWNER_ONLY);
                }
            }
            for (String suffix : List.of("", ".lock", "-wal", "-shm", "-journal")) {
                Path file = path.resolve(name + suffix);
                if (Files.exists(file)) {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("making " + path.resolve(name) + " the owner's only: " + e.getMessage(), e);
        }
    }

    /** Writes {@code text} to a new file of mode 600, then moves it over {@code file}. */
    private static void writePrivately(Path file, String text) throws IOException {
        Path next = file.resolveSibling(file.getFileName() + ".new");
        Files.deleteIfExists(next);
        Files.createFile(next, OWNER_ONLY);
        Files.writeString(next, text);
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        lock.close();
    }
}

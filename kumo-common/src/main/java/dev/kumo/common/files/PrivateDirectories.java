package dev.kumo.common.files;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Directories as Kumo makes them under its data directory: its owner's only (0700), each missing one on the way made
 * so too (a build's sources, caches and logs can hold what a user keeps private).
 */
public final class PrivateDirectories {

    private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));

    private PrivateDirectories() {
    }

    /** Creates {@code dir} and its missing parents, each with mode 700; directories already there are left alone. */
    public static void create(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.toAbsolutePath().getParent();
        if (parent != null) {
            create(parent);
        }
        try {
            Files.createDirectory(dir, OWNER_ONLY);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw e;
            }
        }
    }
}

package dev.kumo.common.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrivateDirectoriesTest {

    @TempDir
    Path root;

    @Test
    void everyDirectoryMadeOnTheWayIsTheOwnersOnly() throws IOException {
        Path dir = root.resolve("builds/cache/default/hello");

        PrivateDirectories.create(dir);

        for (Path made : new Path[] {root.resolve("builds"), root.resolve("builds/cache"),
                root.resolve("builds/cache/default"), dir}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(made)))
                    .as(made.toString()).isEqualTo("rwx------");
        }
    }

    @Test
    void aDirectoryAlreadyThereKeepsItsMode() throws IOException {
        Path shared = Files.createDirectory(root.resolve("shared"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-x---")));

        PrivateDirectories.create(shared.resolve("run"));
        PrivateDirectories.create(shared.resolve("run"));

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared))).isEqualTo("rwxr-x---");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(shared.resolve("run"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aFileInTheWayIsAnError() throws IOException {
        Path file = Files.writeString(root.resolve("file"), "x");

        assertThatThrownBy(() -> PrivateDirectories.create(file.resolve("run")))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> PrivateDirectories.create(file)).isInstanceOf(FileAlreadyExistsException.class);
    }
}

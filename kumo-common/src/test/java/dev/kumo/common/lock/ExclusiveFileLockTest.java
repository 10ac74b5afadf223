package dev.kumo.common.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExclusiveFileLockTest {

    @TempDir
    Path temp;

    @Test
    void aHeldLockIsRefusedUntilItIsClosed() throws IOException {
        Path file = temp.resolve("owner.lock");
        Optional<ExclusiveFileLock> first = ExclusiveFileLock.tryAcquire(file);
        assertThat(first).isPresent();
        assertThat(ExclusiveFileLock.tryAcquire(file)).isEmpty();

        first.orElseThrow().close();

        try (ExclusiveFileLock again = ExclusiveFileLock.tryAcquire(file).orElseThrow()) {
            assertThat(again.file()).isEqualTo(file);
        }
    }

    @Test
    void createsTheDirectoryAndTheFileWithTheAttributesGiven() throws IOException {
        Path file = temp.resolve("a").resolve("b").resolve("runtime.lock");
        try (ExclusiveFileLock lock = ExclusiveFileLock.tryAcquire(file, PosixFilePermissions.asFileAttribute(
                PosixFilePermissions.fromString("rw-------"))).orElseThrow()) {
            assertThat(Files.getPosixFilePermissions(lock.file()))
                    .isEqualTo(PosixFilePermissions.fromString("rw-------"));
        }
    }
}

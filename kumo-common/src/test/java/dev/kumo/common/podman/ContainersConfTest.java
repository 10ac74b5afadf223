package dev.kumo.common.podman;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainersConfTest {

    @TempDir
    Path dir;

    @Test
    void theFileIsItsOwnersOnlyAlsoWhenAnEarlierOneWasNot() throws Exception {
        Path earlier = dir.resolve("builds/containers.conf");
        Files.createDirectories(earlier.getParent());
        Files.writeString(earlier, "old");
        Files.setPosixFilePermissions(earlier, PosixFilePermissions.fromString("rw-r--r--"));

        Path written = ContainersConf.write(dir.resolve("builds"));

        assertThat(written).isEqualTo(earlier);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(written))).isEqualTo("rw-------");
        assertThat(Files.readString(written)).endsWith(ContainersConf.SETTINGS).doesNotContain("old");
    }
}

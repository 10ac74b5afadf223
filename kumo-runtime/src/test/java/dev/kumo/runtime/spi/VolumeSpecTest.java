package dev.kumo.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class VolumeSpecTest {

    private static FileEntry text(String content, int mode) {
        return new FileEntry(content.getBytes(StandardCharsets.UTF_8), mode);
    }

    @Test
    void filesAreSortedByPathAndComparedByContent() {
        VolumeSpec.Files files = new VolumeSpec.Files("config", Map.of("b.txt", text("b", 0644), "a/x.txt",
                text("x", 0400)));

        assertThat(files.files().keySet()).containsExactly("a/x.txt", "b.txt");
        assertThat(files).isEqualTo(new VolumeSpec.Files("config", Map.of("a/x.txt", text("x", 0400), "b.txt",
                text("b", 0644))));
        assertThat(files).isNotEqualTo(new VolumeSpec.Files("config", Map.of("a/x.txt", text("x", 0400), "b.txt",
                text("changed", 0644))));
    }

    @Test
    void aFileEntryNeverPrintsItsContentAndCannotBeChangedFromOutside() {
        byte[] secret = "s3cret".getBytes(StandardCharsets.UTF_8);
        FileEntry entry = new FileEntry(secret, FileEntry.SECRET_MODE);
        secret[0] = 'X';
        entry.data()[1] = 'Y';

        assertThat(new String(entry.data(), StandardCharsets.UTF_8)).isEqualTo("s3cret");
        assertThat(entry.toString()).isEqualTo("FileEntry[6 bytes, mode 0400]");
        assertThatThrownBy(() -> text("x", 01000)).hasMessageContaining("between 0 and 0777");
    }

    @Test
    void pathsStayInsideTheVolume() {
        assertThatThrownBy(() -> new VolumeSpec.Files("config", Map.of("../etc/passwd", text("x", 0644))))
                .hasMessageContaining("volume config").hasMessageContaining("../etc/passwd");
        assertThatThrownBy(() -> new VolumeSpec.Files("config", Map.of("/abs", text("x", 0644))))
                .hasMessageContaining("relative");
        assertThat(new VolumeSpec.Files("config", Map.of("..data/x", text("x", 0644))).files())
                .as("a name starting with dots is a name").containsKey("..data/x");
    }

    @Test
    void anEmptyDirMayLiveInMemoryWithAPositiveSizeLimit() {
        assertThat(new VolumeSpec.EmptyDir("cache", true, OptionalLong.of(64 << 20)).memory()).isTrue();
        assertThatThrownBy(() -> new VolumeSpec.EmptyDir("cache", false, OptionalLong.of(0)))
                .hasMessageContaining("emptyDir cache: sizeLimit must be positive");
        assertThatThrownBy(() -> new VolumeSpec.EmptyDir(" ", false, OptionalLong.empty()))
                .hasMessageContaining("needs a name");
    }

    @Test
    void mountsNeedAnAbsolutePath() {
        assertThat(new MountSpec("config", "/etc/app", true, Optional.of("app.properties")).subPath())
                .contains("app.properties");
        assertThatThrownBy(() -> MountSpec.of("config", "etc/app", true))
                .hasMessageContaining("mountPath must be absolute, got \"etc/app\"");
    }
}

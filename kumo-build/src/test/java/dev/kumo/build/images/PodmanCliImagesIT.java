package dev.kumo.build.images;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.common.podman.ContainersConf;
import dev.kumo.runtime.podman.TestPodman;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An image reference is never read by podman as one of its flags. */
class PodmanCliImagesIT {

    @TempDir
    Path dir;

    @Test
    void aReferenceThatLooksLikeAFlagIsAnImageNotFound() {
        TestPodman.assume();
        PodmanCliImages images = new PodmanCliImages(ContainersConf.write(dir), Optional.empty());

        // As a flag, --help prints podman's help and exits 0, which would read as the image's id.
        assertThat(images.imageId("--help")).isEmpty();
        assertThat(images.digest("--help")).isEmpty();
    }
}

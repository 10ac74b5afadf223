package dev.kumo.cli.build;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The Builds the CLI writes. */
class BuildManifestsTest {

    @Test
    void aBuildOfTheCliKeepsOnlyItsLastRuns() {
        ObjectNode build = BuildManifests.build("default", "app", Path.of("/src/app"), "buildah",
                "dev.local/default/app:latest");

        assertThat(build.path("spec").path("retention").path("succeededLimit").asInt()).isEqualTo(5);
        assertThat(build.path("spec").path("retention").path("failedLimit").asInt()).isEqualTo(5);
    }
}

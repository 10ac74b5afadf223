package dev.kumo.build.buildah;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.BuildRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Containerfile podman reads is a file inside the source: a {@code dockerfile} parameter or a link naming a file
 * elsewhere fails the build before podman starts (it would otherwise print that file's lines in its parse error).
 */
class BuildahStrategyTest {

    @TempDir
    Path dir;
    private Path source;
    private Path secret;

    @BeforeEach
    void files() throws IOException {
        source = Files.createDirectories(dir.resolve("source"));
        secret = Files.writeString(dir.resolve("secret"), "password=hunter2\n");
        Files.createSymbolicLink(source.resolve("linked"), secret);
    }

    /** Every way to name {@code dir/secret} from the source: relative, absolute, a link. */
    @ParameterizedTest
    @ValueSource(strings = {"../secret", "ABSOLUTE", "linked"})
    void aDockerfileOutsideTheSourceIsNotRead(String dockerfile) throws InterruptedException {
        String named = dockerfile.equals("ABSOLUTE") ? secret.toString() : dockerfile;

        BuildOutcome outcome = build(Map.of("dockerfile", named));

        assertThat(outcome).isEqualTo(new BuildOutcome.Failed(BuildahStrategy.STEP, "Failed",
                List.of("no " + named + " in " + source)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Containerfile", "Dockerfile"})
    void aDefaultContainerfileLinkedOutOfTheSourceIsNotRead(String name) throws IOException, InterruptedException {
        Files.createSymbolicLink(source.resolve(name), secret);

        BuildOutcome outcome = build(Map.of());

        assertThat(outcome).isEqualTo(new BuildOutcome.Failed(BuildahStrategy.STEP, "Failed",
                List.of("no Containerfile or Dockerfile in " + source)));
    }

    private BuildOutcome build(Map<String, String> params) throws InterruptedException {
        List<String> lines = new ArrayList<>();
        BuildOutcome outcome = new BuildahStrategy(dir.resolve("containers.conf"), Optional.empty()).build(
                new BuildRequest(source, "dev.local/never:latest", params, dir.resolve("cache")), new BuildOutput() {
                    @Override
                    public void step(String name) {
                    }

                    @Override
                    public void line(String text) {
                        lines.add(text);
                    }

                    @Override
                    public boolean cancelled() {
                        return false;
                    }
                });
        assertThat(lines).as("podman never ran").isEmpty();
        return outcome;
    }
}

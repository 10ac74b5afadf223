package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The repository's {@code samples/}: its manifests, and its images built into podman's storage by
 * {@code samples/images/build.sh} (offline, idempotent, one build at a time), as a user would before applying them.
 */
final class SampleImages {

    /** The repository's samples directory (tests run in the module's directory). */
    static final Path SAMPLES = Path.of("..", "samples").toAbsolutePath().normalize();
    private static final long BUILD_LIMIT_MINUTES = 10;

    private SampleImages() {
    }

    /** Builds the images {@code names} (and their parents) unless they are up to date; fails with build.sh's output. */
    static void build(String... names) {
        List<String> command = new ArrayList<>(List.of(SAMPLES.resolve("images/build.sh").toString()));
        command.addAll(List.of(names));
        try {
            Path log = Files.createTempFile("kumo-build-sh", ".log");
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                    .start();
            if (!process.waitFor(BUILD_LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("build.sh took longer than " + BUILD_LIMIT_MINUTES + " minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            Files.delete(log);
            assertThat(process.exitValue()).as("samples/images/build.sh %s:%n%s", names, output).isZero();
        } catch (IOException e) {
            throw new UncheckedIOException("running samples/images/build.sh", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A manifest of {@code samples/}, by its path there ({@code "hello.yaml"}, {@code "containers/…"}). */
    static Path manifest(String relative) {
        return SAMPLES.resolve(relative);
    }
}

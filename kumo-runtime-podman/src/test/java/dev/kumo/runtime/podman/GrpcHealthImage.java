package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * {@code dev.local/kumo-samples/grpc-health}: grpc-java's own health service on 8081 beside HTTP on 8080, built
 * offline by {@code samples/images/build.sh} (a no-op when up to date).
 */
final class GrpcHealthImage {

    /** The image's reference in podman's storage. */
    static final String REFERENCE = "dev.local/kumo-samples/grpc-health";
    /** The port its gRPC health service listens on (its {@code GRPC_PORT}). */
    static final int GRPC_PORT = 8081;
    private static final Path BUILD = Path.of("..", "samples", "images", "build.sh").toAbsolutePath().normalize();
    private static final long LIMIT_MINUTES = 10;

    private GrpcHealthImage() {
    }

    /** Builds the image unless it is up to date; fails with build.sh's output. */
    static synchronized String build() {
        try {
            Path log = Files.createTempFile("kumo-grpc-health-build", ".log");
            Process process = new ProcessBuilder(BUILD.toString(), "grpc-health").redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            if (!process.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                fail("build.sh grpc-health took longer than " + LIMIT_MINUTES + " minutes:\n" + Files.readString(log));
            }
            String output = Files.readString(log);
            Files.delete(log);
            assertThat(process.exitValue()).as("samples/images/build.sh grpc-health:%n%s", output).isZero();
            return REFERENCE;
        } catch (IOException e) {
            throw new UncheckedIOException("building " + REFERENCE, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

package dev.kumo.api.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample images that {@code samples/} names build offline with {@code samples/images/build.sh} — a second run
 * rebuilding nothing — and each answers as {@code samples/images/README.md} says when podman runs it on a loopback
 * port ({@code samples/images/check.sh}, which removes what it ran). Real podman, real images, no registry.
 */
class SampleImagesIT {

    private static final Path IMAGES = Path.of("..", "samples", "images").toAbsolutePath().normalize();

    @TempDir
    static Path output;

    @BeforeAll
    static void podmanOrSkip() {
        List<String> missing = Stream.of("podman", "runc", "catatonit", "busybox").filter(SampleImagesIT::notOnPath)
                .toList();
        if (missing.isEmpty()) {
            return;
        }
        String why = String.join(", ", missing) + " not installed";
        if ("true".equals(System.getenv("CI"))) {
            fail(why + ", and CI=true: .ci/run installs podman, runc, catatonit and busybox-static");
        }
        System.out.println("SampleImagesIT skipped: " + why);
        Assumptions.abort(why);
    }

    @Test
    void buildOfflineOnceAndAnswerAsDocumented() throws Exception {
        Run build = run("build.sh", Duration.ofMinutes(10));
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).as(build.output()).contains("build.sh: done in");

        Run again = run("build.sh", Duration.ofMinutes(2));
        assertThat(again.exitCode()).as(again.output()).isZero();
        assertThat(again.output()).as("a second build.sh rebuilds nothing").doesNotContain(": building")
                .contains("dev.local/kumo-samples/helloworld is up to date",
                        "dev.local/kumo-samples/hello-java is up to date");

        Run check = run("check.sh", Duration.ofMinutes(5));
        assertThat(check.exitCode()).as(check.output()).isZero();
        assertThat(check.output()).as(check.output()).doesNotContain("FAIL")
                .contains("check.sh: ok   helloworld: GET / → 200 Hello Kumo!",
                        "check.sh: ok   hello-java: GET / → 200 Hello Kumo!",
                        "check.sh: ok   memory-hog over --memory 128m: killed, exit code 137",
                        "check.sh: all images answer as they should");
    }

    private record Run(int exitCode, String output) {
    }

    /** Runs a script of samples/images as a child process, output to a file; kills it (by PID) if it overruns. */
    private static Run run(String script, Duration limit) throws IOException, InterruptedException {
        Path log = Files.createTempFile(output, script, ".log");
        Process process = new ProcessBuilder(IMAGES.resolve(script).toString()).directory(IMAGES.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail(script + " took longer than " + limit + ":\n" + Files.readString(log));
        }
        String text = Files.readString(log);
        System.out.print(text);
        return new Run(process.exitValue(), text);
    }

    private static boolean notOnPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .noneMatch(dir -> Files.isExecutable(Path.of(dir, program)));
    }
}

package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cold-start benchmark's container rows against real podman, with tiny counts (2 cold starts, one round of 2
 * at once): every row is measured and printed (no timing asserted), and nothing the bench made is left in podman.
 */
class ContainerColdStartIT {

    private static final Path SAMPLE_IMAGES = Path.of("..", "samples", "images").toAbsolutePath().normalize();

    @Test
    void theContainerRowsMeasureKumoPodmansStartAndPodmanRunAndLeaveNothingBehind(@TempDir Path conf)
            throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!PodmanBaselines.available() && !ci) {
            System.out.println("skipped: podman is not installed on this machine (apt-get install podman runc "
                    + "catatonit)");
        }
        Assumptions.assumeTrue(PodmanBaselines.available() || ci, "podman is not installed");
        assertThat(run(List.of(SAMPLE_IMAGES.resolve("build.sh").toString(), "helloworld"), conf))
                .contains("build.sh: done in");

        String output = benchmark("2", "2", "1", "0", "--workloads=busybox-image");

        assertThat(output).contains("busybox-image (container: dev.local/kumo-samples/helloworld)");
        for (String row : List.of("(a) podman start of a pre-created container", "(a2) podman run -d",
                "(b) request → response through Kumo, from zero", "Kumo's split (/metrics): platform share",
                "(d) at once: (a) 2 starts", "(d) at once: (a2) 2 starts", "(d) at once: request → response")) {
            assertThat(output).as(output).containsPattern(Pattern.quote(row) + ".*\\s2\\s+\\d+\\.\\d ms");
        }
        assertThat(output).contains("ratio a2 / b (Kumo is x faster)", "load average after");
        Matcher labels = Pattern.compile("carry (\\S+=\\S+), Kumo's (\\S+=\\S+)").matcher(output);
        assertThat(labels.find()).as(output).isTrue();
        for (String label : List.of(labels.group(1), labels.group(2))) {
            Path file = Files.writeString(conf.resolve("containers.conf"),
                    "[containers]\ndefault_ulimits = []\n[engine]\nruntime = \"runc\"\n");
            assertThat(run(List.of("podman", "ps", "-a", "--filter", "label=" + label, "--format", "{{.Names}}"),
                    file.getParent())).as("containers left with " + label).isBlank();
            assertThat(run(List.of("podman", "pod", "ps", "--filter", "label=" + label, "--format", "{{.Name}}"),
                    file.getParent())).as("pods left with " + label).isBlank();
        }
    }

    /** Runs the benchmark's main in this JVM; its standard output. */
    private static String benchmark(String... args) throws Exception {
        PrintStream out = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            ColdStartBenchmark.main(args);
        } finally {
            System.setOut(out);
        }
        String output = captured.toString(StandardCharsets.UTF_8);
        out.println(output);
        return output;
    }

    /** Runs a command with the machine kind's containers.conf in {@code confDir} (written by then); its output. */
    private static String run(List<String> command, Path confDir) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Path conf = confDir.resolve("containers.conf");
        if (Files.isRegularFile(conf)) {
            builder.environment().put("CONTAINERS_CONF", conf.toString());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(command + ": " + output).isZero();
        return output;
    }
}

package dev.kumo.cli.doctor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.common.podman.ContainersConf;
import dev.kumo.cli.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kumo doctor} on this machine, running the real podman, runc and reading the real cgroups: everything
 * Kumo's container runtime needs is here (as {@code .ci/run} installs it), so every check is ✓; with a PATH lacking
 * podman it is ✗ with the apt-get line and exit 1; a podman service on a socket is asked over its REST API.
 */
class DoctorIT {

    private static final String PATH = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");

    @TempDir
    Path temp;

    @BeforeAll
    static void needsPodman() {
        boolean podman = Stream.of(PATH.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "podman")));
        if (!podman) {
            System.out.println("DoctorIT: podman is not installed here (.ci/run installs it)");
        }
        assumeTrue(podman || "true".equals(System.getenv("CI")), "podman is not installed on this machine");
    }

    @Test
    void onThisMachineEveryCheckPasses() {
        CliResult result = doctor(PATH).run("doctor", "--data-dir", temp.resolve("data").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<String> checks = result.out().lines().filter(line -> !line.isBlank()).toList();
        assertThat(checks).hasSize(10);
        assertThat(checks.subList(0, 9)).allSatisfy(line -> assertThat(line).startsWith("✓ "));
        assertThat(checks.subList(0, 9).stream().map(line -> line.substring(2, 19).strip())).containsExactly(
                "podman", "runc", "init", "cgroups", "pod network", "podman service", "image registries",
                "data directory", "process runtime");
        assertThat(result.out()).containsPattern("✓ podman +podman [4-9]\\.\\d+")
                .containsPattern("✓ podman service +podman [4-9]\\.\\d+\\S* answers \\(podman info, with Kumo's "
                        + "containers.conf\\): runtime runc")
                .endsWith("\nReady: this machine has what Kumo needs to run containers.\n");
    }

    @Test
    void withoutPodmanOnThePathItSaysWhatToInstallAndFails() throws IOException {
        Path bare = Files.createDirectories(temp.resolve("bin"));

        CliResult result = doctor(bare.toString()).run("doctor", "--data-dir", temp.resolve("data").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains(line("✗", "podman") + "not found on PATH\n"
                        + " ".repeat(19) + "fix: apt-get install podman runc catatonit")
                .contains(line("-", "podman service") + "not asked: podman is missing or unusable (above)")
                .endsWith("Not ready: 1 problem (✗) to fix as said above.\n");
    }

    @Test
    void jsonSaysReadyAndEachCheck() {
        CliResult result = doctor(PATH).run("doctor", "-o", "json", "--data-dir", temp.resolve("data").toString());

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        JsonNode document = Json.parseObject(result.out());
        assertThat(document.path("ready").asBoolean()).isTrue();
        assertThat(document.path("checks")).hasSize(9).allSatisfy(check -> assertThat(check.path("status").asText())
                .as(check.toString()).isEqualTo("ok"));
    }

    @Test
    void aPodmanServiceOnASocketIsAskedThroughItsApi() throws Exception {
        Path conf = ContainersConf.write(temp);
        Path socket = temp.resolve("p.sock");
        ProcessBuilder builder = new ProcessBuilder("podman", "system", "service", "--time=0", "unix://" + socket)
                .redirectErrorStream(true).redirectOutput(temp.resolve("service.log").toFile());
        builder.environment().put("CONTAINERS_CONF", conf.toString());
        Process service = builder.start();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(socket) || !service.isAlive());

            CliResult result = doctor(PATH).run("doctor", "--podman-socket", socket.toString(), "--data-dir",
                    temp.resolve("data").toString());

            assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
            assertThat(result.out()).containsPattern("✓ podman service +podman [4-9]\\.\\d+\\S* answers \\(unix://"
                    + socket + "\\): runtime runc");
        } finally {
            service.destroy();
            service.waitFor();
        }
        CliResult gone = doctor(PATH).run("doctor", "--podman-socket", socket.toString(), "--data-dir",
                temp.resolve("data").toString());
        assertThat(gone.exitCode()).isEqualTo(1);
        assertThat(gone.out()).contains(line("✗", "podman service") + "podman does not answer (unix://" + socket + ")")
                .contains("fix: start it: CONTAINERS_CONF=FILE podman system service --time=0 unix://" + socket);
    }

    /** The start of a check's line: its mark, and its name in a column of 17. */
    private static String line(String mark, String name) {
        return mark + " " + String.format("%-17s", name);
    }

    private CliRunner doctor(String path) {
        return CliRunner.withHome(temp.resolve("home")).env("PATH", path);
    }
}

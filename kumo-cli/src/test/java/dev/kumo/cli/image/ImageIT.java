package dev.kumo.cli.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.cli.testing.CliResult;
import dev.kumo.common.podman.ContainersConf;
import dev.kumo.cli.testing.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kumo image load|list} with the real podman: an image built here from busybox-static (no registry), saved
 * to an archive and removed, is loaded by the CLI and then listed with its digest. The image has a name unique to
 * this run, removed afterwards (untagging only what the test made).
 */
class ImageIT {

    private static final String PATH = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    private static final Path BUSYBOX = Path.of("/usr/bin/busybox");

    @TempDir
    Path temp;

    private final String name = "dev.local/kumo-cli-image-it-" + UUID.randomUUID().toString().substring(0, 8) + ":1";

    @BeforeAll
    static void needsPodmanAndBusybox() {
        boolean podman = Stream.of(PATH.split(":")).anyMatch(dir -> Files.isExecutable(Path.of(dir, "podman")));
        boolean there = podman && Files.isExecutable(BUSYBOX);
        if (!there) {
            System.out.println("ImageIT: podman or busybox-static is not installed here (.ci/run installs them)");
        }
        assumeTrue(there || "true".equals(System.getenv("CI")), "podman or busybox-static is not installed");
    }

    @AfterEach
    void removeTheImage() throws Exception {
        podman("rmi", "--ignore", name);
    }

    @Test
    void anArchiveIsLoadedAndThenListedWithItsDigest() throws Exception {
        Path archive = archive();

        CliResult loaded = cli().run("image", "load", archive.toString());

        assertThat(loaded.exitCode()).as(loaded.err()).isZero();
        assertThat(loaded.out()).isEqualTo("Loaded image: " + name + "\n");
        CliResult listed = cli().run("image", "list");
        assertThat(listed.exitCode()).as(listed.err()).isZero();
        assertThat(listed.out()).startsWith("NAME ").containsPattern("(?m)^" + name.replace(".", "\\.")
                + " +[0-9a-f]{12} +sha256:[0-9a-f]{64} +[0-9.]+ MB +\\d+[smhd]\\w*$");
        CliResult json = cli().run("image", "list", "-o", "json");
        JsonNode item = Json.parseObject(json.out()).path("items").valueStream()
                .filter(i -> i.at("/metadata/name").asText().equals(name)).findFirst().orElseThrow();
        assertThat(item.path("digest").asText()).startsWith("sha256:");
    }

    @Test
    void aFileThatIsNoArchiveFailsWithPodmansMessage() throws IOException {
        Path junk = Files.writeString(temp.resolve("junk.tar"), "not an archive");

        CliResult failed = cli().run("image", "load", junk.toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).startsWith("Error: podman load failed: ")
                .contains("Check the container runtime with 'kumo doctor'.");
        CliResult missing = cli().run("image", "load", temp.resolve("nothing.tar").toString());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("nothing.tar: no such file");
    }

    @Test
    void withoutPodmanItSaysWhatToInstall() throws IOException {
        CliResult result = CliRunner.withHome(temp.resolve("home"))
                .env("PATH", Files.createDirectories(temp.resolve("bin")).toString()).run("image", "list");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("podman is not installed")
                .contains("apt-get install podman runc catatonit");
    }

    /** A one-file busybox image imported, saved to an archive and removed again. */
    private Path archive() throws Exception {
        Path rootfs = Files.createDirectories(temp.resolve("rootfs").resolve("bin"));
        Files.copy(BUSYBOX, rootfs.resolve("busybox"));
        Path tar = temp.resolve("rootfs.tar");
        run(List.of("tar", "-C", temp.resolve("rootfs").toString(), "-cf", tar.toString(), "."));
        podman("import", tar.toString(), name);
        Path archive = temp.resolve("image.tar");
        podman("save", "--format", "docker-archive", "-o", archive.toString(), name);
        podman("rmi", name);
        return archive;
    }

    private void podman(String... args) throws Exception {
        Path conf = ContainersConf.write(temp);
        List<String> command = new ArrayList<>(List.of("podman"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("CONTAINERS_CONF", conf.toString());
        run(builder);
    }

    private void run(List<String> command) throws Exception {
        run(new ProcessBuilder(command));
    }

    private void run(ProcessBuilder builder) throws Exception {
        Process process = builder.redirectErrorStream(true).redirectOutput(temp.resolve("run.log").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", builder.command()).isTrue();
        assertThat(process.exitValue()).as("%s: %s", builder.command(), Files.readString(temp.resolve("run.log")))
                .isZero();
    }

    private CliRunner cli() {
        return CliRunner.withHome(temp.resolve("home")).env("PATH", PATH).at(Instant.now());
    }
}

package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/kumo}: a CLI verb runs in a JVM of its own on kumo-cli's class path (nothing of the server),
 * with the short-lived flags and the class cache; {@code kubeconfig --merge} writes under {@code $HOME}, and a call
 * given no server follows the kubeconfig's current context to a real server.
 */
class KumoLauncherIT {

    @TempDir
    Path home;

    @Test
    void aCliVerbRunsOnTheCliClassPathAloneWithTheShortLivedFlags() throws Exception {
        Result version = kumo(Map.of("KUMO_JAVA_OPTS", "-XshowSettings:properties"), "version", "--server",
                "https://127.0.0.1:1");

        assertThat(version.code()).isZero();
        assertThat(version.stdout()).startsWith("Client Version: ");
        String classPath = version.stderr().lines().filter(l -> l.strip().startsWith("java.class.path = "))
                .findFirst().orElseThrow();
        assertThat(classPath).contains("kumo-cli-0.1.0-SNAPSHOT.jar").doesNotContain("kumo-server", "vertx");
        assertThat(version.stderr()).contains("cannot reach the Kumo API server at https://127.0.0.1:1");
        Path target = KumoBinary.find().getParent().resolveSibling("kumo-cli").resolve("target");
        assertThat(List.of(target.resolve("kumo-cli.aot"), target.resolve("kumo-cli.jsa"))).anyMatch(Files::exists);
    }

    @Test
    void kubeconfigMergeWritesUnderHome() throws Exception {
        Result merged = kumo(Map.of("HOME", home.toString()), "kubeconfig", "--merge", "--server",
                "https://127.0.0.1:1", "--token", "t0ken");

        assertThat(merged.code()).as(merged.stderr()).isZero();
        Path config = home.resolve(".kube").resolve("config");
        assertThat(Files.readString(config)).contains("server: https://127.0.0.1:1", "current-context: kumo");
        try (var files = Files.list(config.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).containsExactly("config");
        }
    }

    @Test
    void withoutServerOrDataDirectoryTheCliFollowsTheKubeconfigsCurrentContext() throws Exception {
        Path dataDir = Files.createTempDirectory("kumo-launcher-it");
        try (ServerUnderTest server = ServerUnderTest.start("memory", dataDir, false)) {
            assertThat(kumo(Map.of("HOME", home.toString(), "KUMO_DATA_DIR", dataDir.toString()), "kubeconfig",
                    "--merge").code()).isZero();

            Result version = kumo(Map.of("HOME", home.toString()), "version");

            assertThat(version.code()).as(version.stderr()).isZero();
            assertThat(version.stdout()).as("stderr: %s", version.stderr()).contains("Server Version: v");
            assertThat(version.stderr()).isEmpty();
        } finally {
            dev.kumo.bench.TempDir.deleteRecursively(dataDir);
        }
    }

    private record Result(int code, String stdout, String stderr) {
    }

    /** Runs bin/kumo; its stderr goes to a file (the common pool may be busy draining a server's output). */
    private Result kumo(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KumoBinary.find().toString()));
        command.addAll(List.of(args));
        Path stderr = Files.createTempFile("kumo-launcher-it", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(stderr.toFile());
        builder.environment().put("KUMO_REBUILD", "never");
        builder.environment().put("KUMO_DATA_DIR", home.resolve("no-server").toString());
        builder.environment().remove("KUMO_SERVER");
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        try {
            return new Result(process.exitValue(), stdout, Files.readString(stderr));
        } finally {
            Files.delete(stderr);
        }
    }
}

package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code bin/kumo}: a CLI verb runs in a JVM of its own on kumo-cli's class path (nothing of the server),
 * with the short-lived flags and the class cache; {@code kubeconfig --merge} writes under {@code $HOME}.
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

    private record Result(int code, String stdout, String stderr) {
    }

    private Result kumo(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KumoBinary.find().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("KUMO_REBUILD", "never");
        builder.environment().put("KUMO_DATA_DIR", home.resolve("no-server").toString());
        builder.environment().remove("KUMO_SERVER");
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
        String stdout = read(process.getInputStream());
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stdout, stderr.join());
    }

    private static String read(InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

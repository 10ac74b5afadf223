package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/kumo's build step ({@code kumo_build_if_stale} of bin/lib/build.sh, run by bash) in a clone laid out as the
 * repository is, with a stand-in {@code mvnw} that prints what Maven prints (its JVM's warnings, module lines) and
 * makes the jars: one line of progress instead of Maven's output, a rebuild only when a main source or POM is newer
 * than the jars, and the build's errors when it fails.
 */
class LauncherBuildIT {

    private static final String MVNW = """
            #!/usr/bin/env bash
            echo run >> "$(dirname "$0")/mvnw-runs"
            echo "WARNING: A terminally deprecated method in sun.misc.Unsafe has been called"
            echo "[INFO] Building kumo-cli 0.1.0-SNAPSHOT                             [1/2]"
            echo "[WARNING] a plugin warning"
            [ -f "$(dirname "$0")/fail" ] && { echo "[ERROR] COMPILATION ERROR: Foo.java:[3,1] ';' expected"; exit 1; }
            echo "[INFO] Building kumo-server 0.1.0-SNAPSHOT                          [2/2]"
            mkdir -p kumo-cli/target/lib kumo-server/target
            touch kumo-cli/target/kumo-cli-0.1.0-SNAPSHOT.jar kumo-server/target/kumo-server-0.1.0-SNAPSHOT.jar
            """;

    @TempDir
    Path clone;

    @BeforeEach
    void layOutAClone() throws IOException {
        Path bin = KumoBinary.find().getParent();
        Files.createDirectories(clone.resolve("bin/lib"));
        for (String script : List.of("lib/jdk.sh", "lib/build.sh")) {
            Files.copy(bin.resolve(script), clone.resolve("bin").resolve(script));
        }
        Files.writeString(clone.resolve("pom.xml"), "<project/>");
        for (String module : List.of("kumo-cli", "kumo-server")) {
            Files.createDirectories(clone.resolve(module).resolve("src/main/java"));
            Files.createDirectories(clone.resolve(module).resolve("src/test/java"));
            Files.writeString(clone.resolve(module).resolve("pom.xml"), "<project/>");
            Files.writeString(clone.resolve(module).resolve("src/main/java/A.java"), "class A {}");
            Files.writeString(clone.resolve(module).resolve("src/test/java/ATest.java"), "class ATest {}");
        }
        // Checked out two minutes ago: older than any build in the tests.
        try (var files = Files.walk(clone)) {
            for (Path file : files.toList()) {
                Files.setLastModifiedTime(file, FileTime.from(Instant.now().minusSeconds(120)));
            }
        }
        Files.writeString(clone.resolve("mvnw"), MVNW);
        clone.resolve("mvnw").toFile().setExecutable(true);
    }

    @Test
    void buildsOnceWithOneLineOfProgressThenOnlyWhenMainSourcesChange() throws Exception {
        Result first = buildIfStale(Map.of());
        assertThat(first.code()).isZero();
        assertThat(first.stderr()).matches("kumo: building \\(first run; log in .*kumo-build\\.log\\) \\.\\.\\. "
                + "built in \\d+ s\n");
        assertThat(Files.readString(clone.resolve("kumo-server/target/kumo-build.log")))
                .contains("sun.misc.Unsafe", "[WARNING] a plugin warning");
        assertThat(runs()).isEqualTo(1);

        assertThat(buildIfStale(Map.of()).stderr()).isEmpty();
        makeNewer("kumo-cli/src/test/java/ATest.java");
        assertThat(buildIfStale(Map.of()).stderr()).isEmpty();
        assertThat(runs()).isEqualTo(1);

        makeNewer("kumo-server/src/main/java/A.java");
        assertThat(buildIfStale(Map.of()).stderr()).startsWith("kumo: building (sources changed;");
        assertThat(runs()).isEqualTo(2);
        assertThat(buildIfStale(Map.of()).stderr()).isEmpty();

        assertThat(buildIfStale(Map.of("KUMO_REBUILD", "1")).stderr()).startsWith("kumo: building (KUMO_REBUILD=1;");
        assertThat(runs()).isEqualTo(3);
    }

    @Test
    void aFailedBuildShowsItsErrorsAndExitsOne() throws Exception {
        Files.writeString(clone.resolve("fail"), "");

        Result failed = buildIfStale(Map.of());

        assertThat(failed.code()).isEqualTo(1);
        assertThat(failed.stderr()).contains("kumo: the build failed", "[ERROR] COMPILATION ERROR: Foo.java:[3,1]")
                .doesNotContain("sun.misc.Unsafe", "[WARNING]");
    }

    @Test
    void neverBuildsWhenToldNotToOrInAReleaseLayout() throws Exception {
        assertThat(buildIfStale(Map.of("KUMO_REBUILD", "never")).stderr()).isEmpty();
        Files.delete(clone.resolve("pom.xml"));
        assertThat(buildIfStale(Map.of()).stderr()).isEmpty();
        assertThat(clone.resolve("mvnw-runs")).doesNotExist();
    }

    @Test
    void aFailedClassCacheRecordingIsNotRetriedUntilTheCliIsRebuilt() throws Exception {
        // A jar without CliTraining: the recording JVM fails at once, as a broken recording would.
        Path jar = clone.resolve("kumo-cli/target/kumo-cli-0.1.0-SNAPSHOT.jar");
        Files.createDirectories(clone.resolve("kumo-cli/target/lib"));
        Files.writeString(jar, "");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(60)));
        Path log = clone.resolve("kumo-cli/target/kumo-cli-cache.log");

        Result first = launch();
        assertThat(first.code()).isZero();
        assertThat(first.stderr()).contains("kumo: could not record the CLI's class cache");
        assertThat(log).exists();
        Files.delete(log);

        Result second = launch();
        assertThat(second.code()).isZero();
        assertThat(second.stderr()).isEmpty();
        assertThat(log).doesNotExist();

        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(5)));
        assertThat(launch().stderr()).contains("kumo: could not record the CLI's class cache");
        assertThat(log).exists();
    }

    @Test
    void theCliClassPathIsTheBuildsListNotEveryJarLeftInTargetLib() throws Exception {
        Path target = clone.resolve("kumo-cli/target");
        Files.createDirectories(target.resolve("lib"));
        for (String jar : List.of("b-1.0.jar", "a-2.0.jar", "a-1.0.jar")) {
            Files.writeString(target.resolve("lib").resolve(jar), "");
        }
        Files.writeString(target.resolve("kumo-cli.classpath"), "lib/b-1.0.jar:lib/a-2.0.jar");

        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; . bin/lib/build.sh; kumo_cli_classpath \"$PWD\"; printf %s \"$kumo_cli_cp\"")
                .directory(clone.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = builder.start();
        String classPath = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(classPath.split(":")).containsExactly(target.resolve("kumo-cli-0.1.0-SNAPSHOT.jar").toString(),
                target.resolve("lib/b-1.0.jar").toString(), target.resolve("lib/a-2.0.jar").toString());
    }

    /** {@code kumo_cli_launch} on this JVM, as bin/kumo runs it before each CLI call. */
    private Result launch() throws IOException, InterruptedException {
        return bash("set -euo pipefail; . bin/lib/build.sh; kumo_cli_launch \"$PWD\" "
                + Runtime.version().feature(), Map.of("JAVA_HOME", System.getProperty("java.home")));
    }

    private record Result(int code, String stderr) {
    }

    private Result buildIfStale(Map<String, String> env) throws IOException, InterruptedException {
        return bash("set -euo pipefail; . bin/lib/jdk.sh; . bin/lib/build.sh; kumo_build_if_stale \"$PWD\"", env);
    }

    private Result bash(String script, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script)
                .directory(clone.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().remove("KUMO_REBUILD");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), stderr);
    }

    private int runs() throws IOException {
        Path runs = clone.resolve("mvnw-runs");
        return Files.exists(runs) ? Files.readAllLines(runs).size() : 0;
    }

    /** Edits a file after the last build: the jars a minute old, the file half a minute (file times may be coarse). */
    private void makeNewer(String file) throws IOException {
        Instant now = Instant.now();
        for (String jar : List.of("kumo-cli/target/kumo-cli-0.1.0-SNAPSHOT.jar",
                "kumo-server/target/kumo-server-0.1.0-SNAPSHOT.jar")) {
            Files.setLastModifiedTime(clone.resolve(jar), FileTime.from(now.minusSeconds(60)));
        }
        Files.setLastModifiedTime(clone.resolve(file), FileTime.from(now.minusSeconds(30)));
    }
}

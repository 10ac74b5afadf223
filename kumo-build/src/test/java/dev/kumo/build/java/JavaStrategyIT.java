package dev.kumo.build.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.build.images.PodmanCliImages;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.common.podman.ContainersConf;
import dev.kumo.runtime.podman.PodmanService;
import dev.kumo.runtime.podman.TestPodman;
import io.vertx.core.json.JsonArray;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The java strategy against real podman: sources → a jlinked JRE + Jib → an image in podman's storage that answers
 * on loopback; unchanged rebuilds keep the digest; an edit changes only the app's layer; compile errors name file
 * and line; a Maven project builds offline. The first test is the cold build (jlink); timings are printed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class JavaStrategyIT {

    private static final String RUN_LABEL = "dev.kumo.test/run";
    private static final String RUN = "jib-" + UUID.randomUUID().toString().substring(0, 8);
    private static final List<String> IMAGES = new ArrayList<>();

    @TempDir
    static Path stateDir;
    @TempDir
    static Path baseCache;
    private static PodmanService service;
    private static JavaStrategy strategy;

    @BeforeAll
    static void startPodman() {
        TestPodman.assume();
        service = PodmanService.of(Optional.empty(), stateDir);
        // As the server loads (BuildStrategies): the podman CLI with Kumo's containers.conf, the storage the
        // container runtime and TestPodman use.
        strategy = new JavaStrategy(new PodmanCliImages(ContainersConf.write(stateDir.resolve("build")),
                Optional.empty()), baseCache);
    }

    @AfterAll
    static void cleanUp() {
        if (service != null) {
            TestPodman.removeLabelled(RUN_LABEL, RUN);
            for (String image : IMAGES) {
                TestPodman.run(Optional.empty(), "rmi", "-f", image);
            }
            service.close();
        }
    }

    @Test
    @Order(1)
    void directoryOfSourcesBecomesAnImageThatAnswersOnLoopback(@TempDir Path dir) throws Exception {
        HelloApp.write(dir.resolve("src"), "", "hello from a jib image");
        RecordingOutput output = new RecordingOutput();

        long started = System.nanoTime();
        BuildOutcome outcome = strategy.build(request(dir.resolve("src"), "hello", dir.resolve("cache")), output);
        System.out.printf("measure: java strategy cold build (javac + jlink + image + load): %d ms%n",
                millisSince(started));

        assertThat(outcome).isInstanceOf(BuildOutcome.Built.class);
        assertThat(output.steps).containsExactly("compile", "base", "image", "load");
        assertThat(output.lines).anyMatch(line -> line.startsWith("base: jlink "));
        BuildOutcome.Built built = (BuildOutcome.Built) outcome;
        assertThat(built.digest()).matches("sha256:[0-9a-f]{64}");
        assertThat(built.size()).as("the OCI archive's size").isPositive();
        // The digest is the one storage keeps, so the image runs by NAME@DIGEST as a Revision names it.
        assertThat(inspect(built.image(), "{{.Digest}}")).isEqualTo(built.digest());
        assertThat(inspect(repository(built.image()) + "@" + built.digest(), "{{.Id}}"))
                .isEqualTo(inspect(built.image(), "{{.Id}}"));
        assertThat(answer(built.image())).isEqualTo("hello from a jib image");
    }

    @Test
    @Order(2)
    void unchangedRebuildKeepsTheDigestAndAnEditChangesOnlyTheAppLayer(@TempDir Path dir) throws Exception {
        Path source = HelloApp.write(dir.resolve("src"), "", "first");
        Path cache = dir.resolve("cache");
        BuildOutcome.Built first = built(strategy.build(request(source, "incremental", cache), new RecordingOutput()));
        List<Object> before = layers(first.image());

        RecordingOutput again = new RecordingOutput();
        long started = System.nanoTime();
        BuildOutcome.Built unchanged = built(strategy.build(request(source, "incremental", cache), again));
        System.out.printf("measure: java strategy warm rebuild, unchanged sources: %d ms%n", millisSince(started));
        assertThat(unchanged.digest()).isEqualTo(first.digest());
        assertThat(again.lines).anyMatch(line -> line.contains("reusing the compiled classes"))
                .anyMatch(line -> line.contains(first.image() + " is already sha256:"))
                .noneMatch(line -> line.startsWith("base: jlink "));

        HelloApp.greet(source, "second");
        started = System.nanoTime();
        RecordingOutput edit = new RecordingOutput();
        BuildOutcome.Built edited = built(strategy.build(request(source, "incremental", cache), edit));
        System.out.printf("measure: java strategy one-file edit → image loaded: %d ms %s%n", millisSince(started),
                edit.lines.stream().filter(line -> line.contains(" done in ")).toList());
        assertThat(edited.digest()).isNotEqualTo(first.digest());
        List<Object> after = layers(edited.image());
        assertThat(after).hasSameSizeAs(before);
        assertThat(after.subList(0, after.size() - 1)).isEqualTo(before.subList(0, before.size() - 1));
        assertThat(after.getLast()).isNotEqualTo(before.getLast());
        assertThat(answer(edited.image())).isEqualTo("second");

        started = System.nanoTime();
        RecordingOutput javacOnly = new RecordingOutput();
        SourcesCompile.compile(source, Map.of(), dir.resolve("javac-only"), javacOnly);
        System.out.printf("measure: javac alone (same app, in process, baseline): %d ms%n", millisSince(started));
    }

    @Test
    @Order(3)
    void compileErrorFailsTheCompileStepNamingFileAndLine(@TempDir Path dir) throws Exception {
        Path source = HelloApp.write(dir.resolve("src"), "", "broken");
        HelloApp.write(source.resolve("demo/Greeting.java"), "package demo;\n\nfinal class Greeting {\n"
                + "    static String text() {\n        return 42;\n    }\n}\n");
        RecordingOutput output = new RecordingOutput();

        BuildOutcome outcome = strategy.build(request(source, "broken", dir.resolve("cache")), output);

        assertThat(outcome).isInstanceOf(BuildOutcome.Failed.class);
        BuildOutcome.Failed failed = (BuildOutcome.Failed) outcome;
        assertThat(failed.step()).isEqualTo("compile");
        assertThat(failed.reason()).isEqualTo("CompileFailed");
        assertThat(failed.logTail()).anyMatch(line -> line.startsWith("demo/Greeting.java:5: error: ")
                && line.contains("int cannot be converted to"));
        assertThat(output.steps).containsExactly("compile");
        assertThat(dir.resolve("cache/java")).isEmptyDirectory();
    }

    @Test
    @Order(4)
    void mavenProjectBuildsOfflineWithTheMvnOnPath(@TempDir Path dir) throws Exception {
        assumeMaven();
        Path project = HelloApp.write(dir.resolve("project"), "src/main/java", "hello from maven");
        HelloApp.write(project.resolve("pom.xml"), TinyPom.XML);
        RecordingOutput output = new RecordingOutput();

        BuildOutcome.Built built = built(strategy.build(request(project, "maven", dir.resolve("cache")), output));

        assertThat(output.lines).anyMatch(line -> line.startsWith("compile: $ ") && line.contains("mvn")
                && line.contains(" -o "));
        assertThat(answer(built.image())).isEqualTo("hello from maven");
        RecordingOutput again = new RecordingOutput();
        assertThat(built(strategy.build(request(project, "maven", dir.resolve("cache")), again)).digest())
                .isEqualTo(built.digest());
        assertThat(again.lines).anyMatch(line -> line.contains("project unchanged"));
    }

    @Test
    @Order(5)
    void mavenProjectsRuntimeDependenciesGetTheirOwnLayerOnTheClassPath(@TempDir Path dir) throws Exception {
        assumeMaven();
        Path project = HelloApp.write(dir.resolve("project"), "src/main/java", "unused");
        HelloApp.write(project.resolve("src/main/java/demo/Greeting.java"), "package demo;\n\n"
                + "final class Greeting {\n    static String text() {\n"
                + "        return org.slf4j.helpers.MessageFormatter.format(\"hello from {}\", \"slf4j\").getMessage();\n"
                + "    }\n}\n");
        // slf4j-api is one of Kumo's own dependencies, so the shared local repository has it offline.
        HelloApp.write(project.resolve("pom.xml"), TinyPom.withDependencies("<dependency><groupId>org.slf4j"
                + "</groupId><artifactId>slf4j-api</artifactId><version>2.0.17</version></dependency>"));

        BuildOutcome.Built built = built(strategy.build(request(project, "maven-deps", dir.resolve("cache")),
                new RecordingOutput()));

        assertThat(answer(built.image())).isEqualTo("hello from slf4j");
        assertThat(layers(built.image())).hasSize(4);
        assertThat(inspect(built.image(), "{{json .Config.Entrypoint}}")).contains("/app/app.jar:/app/libs/*");
    }

    private static void assumeMaven() {
        boolean ci = "true".equals(System.getenv("CI"));
        if (ProjectBuild.onPath("mvn").isEmpty() && !ci) {
            System.out.println("skipped: mvn is not on PATH (apt-get install maven)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(ProjectBuild.onPath("mvn").isPresent() || ci,
                "mvn is not on PATH");
    }

    private static BuildRequest request(Path source, String name, Path cache) {
        String image = "localhost/kumo-it/" + name + "-" + RUN + ":latest";
        IMAGES.add(image);
        return new BuildRequest(source, image, Map.of(), cache);
    }

    private static BuildOutcome.Built built(BuildOutcome outcome) {
        assertThat(outcome).isInstanceOf(BuildOutcome.Built.class);
        return (BuildOutcome.Built) outcome;
    }

    /** Runs the image on the host network with a free PORT and returns its answer to GET /. */
    private static String answer(String image) throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String container = TestPodman.run(Optional.empty(), "run", "-d", "--network", "host", "-e", "PORT=" + port,
                "--label", RUN_LABEL + "=" + RUN, image).trim();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/"))
                    .timeout(Duration.ofSeconds(2)).build();
            return await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> http.send(get, HttpResponse.BodyHandlers.ofString()), r -> r.statusCode() == 200)
                    .body();
        } finally {
            TestPodman.run(Optional.empty(), "rm", "-f", "-t", "0", container);
        }
    }

    private static String inspect(String image, String format) {
        return TestPodman.run(Optional.empty(), "image", "inspect", "--format", format, image).trim();
    }

    /** {@code localhost/kumo/app:latest} → {@code localhost/kumo/app}. */
    private static String repository(String image) {
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(0, colon) : image;
    }

    private static List<Object> layers(String image) {
        return new JsonArray(inspect(image, "{{json .RootFS.Layers}}")).getList();
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}

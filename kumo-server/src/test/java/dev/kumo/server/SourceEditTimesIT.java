package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13's image rows, printed (not asserted against their goals): a source edit → {@code kumo service update
 * --source} (or {@code kumo func deploy}) → the new Revision answering with the edit, p50 over 5 edits, for a
 * Containerfile project with an unchanged base (strategy buildah), a directory of Java sources and a Java function
 * (strategy java: javac, Jib, warm caches); beside {@code podman build} alone of the same Containerfile after each
 * edit, in the same storage.
 */
class SourceEditTimesIT {

    private static final int EDITS = 5;
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(60);
    private static final String[] IMAGES = {"dev.local/default/edit-containerfile:latest",
        "dev.local/default/edit-java:latest", "localhost/kumo-bench/podman-build-alone:latest",
        "dev.local/default/edit-fn-java:latest"};

    // Images go after the server stopped (extensions' afterAll run in reverse order), not under a running instance.
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback REMOVE_IMAGES = context -> {
        for (String image : IMAGES) {
            try {
                TestPodman.run(Optional.empty(), "rmi", "-f", image);
            } catch (IllegalStateException e) {
                // not built: nothing to remove
            }
        }
    };
    @RegisterExtension
    @Order(2)
    static final ContainerServer KUMO = new ContainerServer().withDefaultScaleDown();
    @TempDir
    Path home;
    @TempDir
    Path projects;

    @Test
    void editToNewRevisionAnsweringForAContainerfileAndJavaSourcesBesidePodmanBuildAlone() throws IOException {
        Path containerfile = Files.createDirectories(projects.resolve("containerfile"));
        Files.writeString(containerfile.resolve("Containerfile"), "FROM " + BusyboxImage.reference()
                + "\nCOPY index.html /www/index.html\n");
        Files.writeString(containerfile.resolve("index.html"), "edit 0\n");
        List<Double> containerfileTimes = editsToAnswers("edit-containerfile", containerfile, "/index.html",
                edit -> Files.writeString(containerfile.resolve("index.html"), "edit " + edit + "\n"),
                edit -> "edit " + edit + "\n");

        Path java = Files.createDirectories(projects.resolve("java/demo"));
        Files.writeString(java.resolve("Hello.java"), javaSource(0));
        List<Double> javaTimes = editsToAnswers("edit-java", java.getParent(), "/",
                edit -> Files.writeString(java.resolve("Hello.java"), javaSource(edit)), edit -> "java edit " + edit);

        List<Double> javaFunctionTimes = javaFunctionEdits(projects.resolve("edit-fn-java"));

        List<Double> podmanBuild = podmanBuildAlone(containerfile);
        String report = String.format(Locale.ROOT, """
                source edit -> new Revision answering (p50 of %d, ms)
                  Containerfile project, unchanged base (buildah)   %8.1f   (goal <= 10000)
                  Java sources as an image (java: javac + Jib)      %8.1f
                  Java function as an image (func deploy, Jib)      %8.1f   (goal <= 5000)
                  baseline: podman build alone, same Containerfile  %8.1f
                """, EDITS, p50(containerfileTimes), p50(javaTimes), p50(javaFunctionTimes), p50(podmanBuild));
        System.out.print(report);
        Files.writeString(Path.of("target", "source-edit-times.txt"), report);
        assertThat(List.of(p50(containerfileTimes), p50(javaTimes), p50(javaFunctionTimes), p50(podmanBuild)))
                .allSatisfy(ms -> assertThat(ms).isPositive());
    }

    /** Creates the Service from {@code dir}, then times each edit until the new Revision answers with it. */
    private List<Double> editsToAnswers(String name, Path dir, String path, Edit edit, Answer answer)
            throws IOException {
        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());
        String server = KUMO.server().apiUrl().toString();
        InProcessCli.Result created = cli.run("--server", server, "service", "create", name, "--source",
                dir.toString());
        assertThat(created.exitCode()).as(created.err()).isZero();
        awaitAnswer(name, path, answer.body(0));
        List<Double> times = new ArrayList<>();
        for (int n = 1; n <= EDITS; n++) {
            long start = System.nanoTime();
            edit.apply(n);
            InProcessCli.Result updated = cli.run("--server", server, "service", "update", name, "--source",
                    dir.toString());
            assertThat(updated.exitCode()).as(updated.err()).isZero();
            awaitAnswer(name, path, answer.body(n));
            times.add((System.nanoTime() - start) / 1e6);
            assertThat(updated.out()).contains(name + "-0000" + (n + 1));
        }
        return times;
    }

    /** A Java function deployed as an image; each handler edit timed until {@code kumo func deploy}'s Revision answers. */
    private List<Double> javaFunctionEdits(Path dir) throws IOException {
        InProcessCli cli = new InProcessCli(home, KUMO.dataDir());
        String server = KUMO.server().apiUrl().toString();
        assertThat(cli.run("--server", server, "func", "create", "-l", "java", dir.toString()).exitCode()).isZero();
        InProcessCli.Result first = cli.run("--server", server, "func", "deploy", "-p", dir.toString());
        assertThat(first.exitCode()).as(first.err()).isZero();
        String name = dir.getFileName().toString();
        awaitAnswer(name, "/", "Hello, world!\n");
        Path handler = dir.resolve("src/Handler.java");
        String greeting = "Hello, world!";
        List<Double> times = new ArrayList<>();
        for (int n = 1; n <= EDITS; n++) {
            String next = "Hello, edit " + n + "!";
            long start = System.nanoTime();
            Files.writeString(handler, Files.readString(handler).replace(greeting, next));
            InProcessCli.Result deployed = cli.run("--server", server, "func", "deploy", "-p", dir.toString());
            assertThat(deployed.exitCode()).as(deployed.err()).isZero();
            awaitAnswer(name, "/", next + "\n");
            times.add((System.nanoTime() - start) / 1e6);
            greeting = next;
        }
        return times;
    }

    private static void awaitAnswer(String name, String path, String body) {
        Ingress ingress = KUMO.ingress();
        await(name + " answering " + body.strip()).atMost(ANSWER_WAIT).pollInterval(Duration.ofMillis(5))
                .ignoreExceptions()
                .until(() -> ingress.get(name + ".default.localhost", path).body(), body::equals);
    }

    /** Milliseconds of {@code podman build} (the layers kept, the base never pulled) after each edit of the page. */
    private static List<Double> podmanBuildAlone(Path dir) throws IOException {
        List<Double> times = new ArrayList<>();
        for (int n = 1; n <= EDITS; n++) {
            Files.writeString(dir.resolve("index.html"), "alone " + n + "\n");
            long start = System.nanoTime();
            TestPodman.run(Optional.empty(), "build", "--pull=never", "--layers", "-q", "-t", IMAGES[2], "-f",
                    dir.resolve("Containerfile").toString(), dir.toString());
            times.add((System.nanoTime() - start) / 1e6);
        }
        return times;
    }

    private static String javaSource(int edit) {
        return """
                package demo;

                import com.sun.net.httpserver.HttpServer;
                import java.net.InetSocketAddress;
                import java.nio.charset.StandardCharsets;

                public class Hello {
                    public static void main(String[] args) throws Exception {
                        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "8080"));
                        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
                        server.createContext("/", exchange -> {
                            byte[] body = "java edit %d".getBytes(StandardCharsets.UTF_8);
                            exchange.sendResponseHeaders(200, body.length);
                            exchange.getResponseBody().write(body);
                            exchange.close();
                        });
                        server.start();
                    }
                }
                """.formatted(edit);
    }

    private static double p50(List<Double> times) {
        return times.stream().sorted().toList().get(times.size() / 2);
    }

    /** Edit number {@code n} of the sources. */
    private interface Edit {
        void apply(int n) throws IOException;
    }

    /** What the Revision of edit {@code n} answers. */
    private interface Answer {
        String body(int n);
    }
}

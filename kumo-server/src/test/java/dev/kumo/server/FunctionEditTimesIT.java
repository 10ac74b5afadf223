package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue #13's measure, printed (not asserted against its goals): a source edit → {@code kumo func deploy --runtime
 * process} → the new Revision answering with the edit, for a Python and a Java function, p50 over 5 edits each; and
 * javac alone on the same Java function as the baseline. The CLI runs in this (warm) JVM.
 */
class FunctionEditTimesIT {

    private static final int EDITS = 5;

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static FunctionCli functions;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        functions = new FunctionCli(server, new InProcessCli(temp.resolve("home"), temp.resolve("data")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void editToNewRevisionAnsweringForPythonAndJavaBesideJavacAlone() throws Exception {
        double python = p50(editsToAnswers("python", "func.py"));
        double java = p50(editsToAnswers("java", "src/Handler.java"));
        double javac = p50(javacAlone(temp.resolve("java")));
        String report = String.format(Locale.ROOT, """
                func edit -> new Revision answering (p50 of %d, ms)
                  python function as a process   %8.1f   (goal <= 1000)
                  java function as a process     %8.1f   (goal <= 3000)
                  baseline: javac alone          %8.1f
                """, EDITS, python, java, javac);
        System.out.print(report);
        Files.writeString(Path.of("target", "func-edit-times.txt"), report);
        assertThat(List.of(python, java, javac)).allSatisfy(ms -> assertThat(ms).isPositive());
    }

    /** Milliseconds from each edit to the deployed function answering with it. */
    private static List<Double> editsToAnswers(String language, String handler) throws IOException {
        Path dir = temp.resolve(language);
        assertThat(kumo("func", "create", "-l", language, dir.toString()).exitCode()).isZero();
        InProcessCli.Result first = functions.deploy(dir);
        assertThat(first.exitCode()).as(first.err()).isZero();
        String greeting = "Hello, world!";
        List<Double> times = new ArrayList<>();
        for (int edit = 1; edit <= EDITS; edit++) {
            String next = "Hello, edit " + edit + "!";
            Path file = dir.resolve(handler);
            long start = System.nanoTime();
            Files.writeString(file, Files.readString(file).replace(greeting, next));
            InProcessCli.Result deployed = functions.deploy(dir);
            InProcessCli.Result answered = kumo("func", "invoke", "-p", dir.toString(), "--target", "remote", "--data",
                    "");
            times.add((System.nanoTime() - start) / 1e6);
            assertThat(deployed.exitCode()).as(deployed.err()).isZero();
            assertThat(answered.out()).isEqualTo(next + "\n");
            assertThat(deployed.out()).contains("Function updated");
            greeting = next;
        }
        return times;
    }

    /** Milliseconds of javac (a new process, as a user's build runs it) compiling the Java function's sources. */
    private static List<Double> javacAlone(Path dir) throws Exception {
        Path javac = Path.of(System.getProperty("java.home"), "bin", "javac");
        List<String> sources;
        try (Stream<Path> walk = Files.walk(dir.resolve("src"))) {
            sources = walk.map(Path::toString).filter(p -> p.endsWith(".java") && !p.endsWith("Test.java")).toList();
        }
        List<Double> times = new ArrayList<>();
        for (int run = 1; run <= EDITS; run++) {
            List<String> command = new ArrayList<>(List.of(javac.toString(), "-d",
                    temp.resolve("javac-" + run).toString()));
            command.addAll(sources);
            long start = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            times.add((System.nanoTime() - start) / 1e6);
            assertThat(process.exitValue()).as(output).isZero();
        }
        return times;
    }

    private static double p50(List<Double> times) {
        List<Double> sorted = times.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static InProcessCli.Result kumo(String... args) {
        return functions.kumo(args);
    }
}

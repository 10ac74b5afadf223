package dev.kumo.bench;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The CLI benchmark: {@code bin/kumo} launched as a user launches it (a new JVM per call on the CLI's own class path,
 * with its flags and AOT cache), beside {@code kubectl get ksvc} against the same server (an API server on ephemeral
 * ports with a temporary data directory and a few Services). The calls take turns, so that a change in the machine's
 * load falls on all of them alike; each one's wall time is measured from its start to its exit.
 * Usage: {@code CliBenchmark [calls=20]}.
 */
public final class CliBenchmark {

    private static final int SERVICES = 5;
    private static final long CALL_TIMEOUT_SECONDS = 60;

    /** One command measured: its label, the command line, and the wall times of its calls. */
    record Row(String label, List<String> command, Latencies wall) {
    }

    private CliBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String loadBefore = LoadAverage.now();
        List<Row> rows = measure(KumoBinary.find(), calls);
        System.out.printf("%nKumo CLI benchmark: %d calls each, taking turns, wall time from start to exit; %d cores, "
                + "java %s, load average %s before, %s after%n", calls, Runtime.getRuntime().availableProcessors(),
                Runtime.version(), loadBefore, LoadAverage.now());
        rows.forEach(row -> System.out.printf("%-22s p50 %7.1f ms   p90 %7.1f ms   min %7.1f ms%n", row.label(),
                row.wall().percentileMillis(50), row.wall().percentileMillis(90), row.wall().percentileMillis(0)));
        Map<String, Row> byLabel = new LinkedHashMap<>();
        rows.forEach(row -> byLabel.put(row.label(), row));
        double version = byLabel.get("kumo version").wall().percentileMillis(50);
        System.out.printf("kumo version: p50 %.0f ms, goal <= 150 ms: %s%n", version, version <= 150 ? "met" : "missed");
        Row kubectl = byLabel.get("kubectl get ksvc");
        if (kubectl != null) {
            double ratio = byLabel.get("kumo service list").wall().percentileMillis(50)
                    / kubectl.wall().percentileMillis(50);
            System.out.printf("kumo service list / kubectl get ksvc (p50): %.2fx, goal <= 2x: %s%n", ratio,
                    ratio <= 2 ? "met" : "missed");
        } else {
            System.out.println("kubectl not on PATH: its row and the ratio were left out");
        }
    }

    /**
     * Starts a server, makes its Services, and times {@code calls} calls of each command, one of each in turn after
     * one warm-up call each (the first CLI call records the CLI's class cache if the build has not yet). A call that
     * fails ends the benchmark with its output.
     */
    static List<Row> measure(Path kumo, int calls) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("kumo-bench-cli");
        boolean completed = false;
        try (ServerUnderTest server = ServerUnderTest.start("sqlite", dir, false)) {
            createServices(server);
            Path kubeconfig = dir.resolve("kubeconfig");
            run(List.of(kumo.toString(), "kubeconfig"), dir, Optional.of(kubeconfig));
            List<Row> rows = new ArrayList<>(List.of(
                    new Row("kumo version", List.of(kumo.toString(), "version"), new Latencies(calls)),
                    new Row("kumo service list", List.of(kumo.toString(), "service", "list"), new Latencies(calls))));
            if (onPath("kubectl")) {
                rows.add(new Row("kubectl get ksvc", List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "get",
                        "ksvc"), new Latencies(calls)));
            }
            for (Row row : rows) {
                run(row.command(), dir, Optional.empty());
            }
            for (int i = 0; i < calls; i++) {
                for (Row row : rows) {
                    row.wall().record(run(row.command(), dir, Optional.empty()));
                }
            }
            completed = true;
            return rows;
        } finally {
            if (completed) {
                TempDir.deleteRecursively(dir);
            } else {
                System.err.println("bench-cli: the server's data directory kept in " + dir);
            }
        }
    }

    private static void createServices(ServerUnderTest server) throws IOException, InterruptedException {
        for (int i = 0; i < SERVICES; i++) {
            HttpResponse<String> response = server.http().send(server.request(server.url
                    + "/apis/serving.knative.dev/v1/namespaces/default/services").header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(service("bench-" + i))).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                throw new IOException("creating a Service: " + response.statusCode() + " " + response.body());
            }
        }
    }

    private static String service(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"image\":\"dev.local/bench:latest\"}]}}}}";
    }

    /**
     * Runs one command with the server's data directory as {@code KUMO_DATA_DIR} (where the CLI finds its URL, token
     * and certificate) and returns its wall time in nanoseconds; its output goes to {@code output} or is dropped.
     */
    private static long run(List<String> command, Path dir, Optional<Path> output) throws IOException,
            InterruptedException {
        Path err = dir.resolve("bench-cli.err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(err.toFile()).redirectOutput(
                output.map(file -> ProcessBuilder.Redirect.to(file.toFile())).orElse(ProcessBuilder.Redirect.DISCARD));
        builder.environment().put("KUMO_DATA_DIR", dir.toString());
        // The benchmark measures launches of what is built; bin/bench-cli has built it.
        builder.environment().put("KUMO_REBUILD", "never");
        builder.environment().remove("KUMO_SERVER");
        long started = System.nanoTime();
        Process process = builder.start();
        process.getOutputStream().close();
        if (!process.waitFor(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not exit within " + CALL_TIMEOUT_SECONDS + " s");
        }
        long elapsed = System.nanoTime() - started;
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": "
                    + Files.readString(err).strip());
        }
        return elapsed;
    }

    private static boolean onPath(String program) {
        return Optional.ofNullable(System.getenv("PATH")).stream().flatMap(p -> List.of(p.split(":")).stream())
                .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }
}

package dev.kumo.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code kumo server} as a real child JVM, with its output collected and its API URL read from it. */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path dataDir;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    private ServerProcess(Process process, Path dataDir) {
        this.process = process;
        this.dataDir = dataDir;
        Thread.ofVirtual().start(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process is gone.
            }
        });
    }

    /** Starts {@code kumo server} with the test's classpath and the given extra arguments. */
    static ServerProcess start(Path dataDir, String... extra) {
        return start(dataDir, Map.of(), List.of(Main.class.getName(), "server"), extra);
    }

    /** Starts {@code kumo server} in {@code directory} (relative workingDirs of process workloads are from there). */
    static ServerProcess startIn(Path directory, Path dataDir, String... extra) {
        return start(directory, dataDir, Map.of(), List.of(Main.class.getName(), "server"), extra);
    }

    /** Starts {@code kumo server} (the container runtime is on by default) with {@code env} over the test's. */
    static ServerProcess withContainers(Path dataDir, Map<String, String> env, String... extra) {
        return start(dataDir, env, List.of(Main.class.getName(), "server"), extra);
    }

    private static ServerProcess start(Path dataDir, Map<String, String> env, List<String> main, String... extra) {
        return start(Path.of("").toAbsolutePath(), dataDir, env, main, extra);
    }

    private static ServerProcess start(Path directory, Path dataDir, Map<String, String> env, List<String> main,
            String... extra) {
        TestServers.track(dataDir);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path")));
        command.addAll(main);
        command.addAll(List.of("--data-dir", dataDir.toString(), "--api-addr", "127.0.0.1:0", "--ingress-addr",
                "127.0.0.1:0"));
        if (!List.of(extra).contains("--eventing-addr")) {
            command.addAll(List.of("--eventing-addr", "127.0.0.1:0"));
        }
        // The start-up warm-up's CPU would slow every child server's first seconds in CI: off unless a test asks.
        if (List.of(extra).stream().noneMatch(arg -> arg.startsWith("--warmup") || arg.equals("--no-warmup"))) {
            command.add("--warmup=false");
        }
        command.addAll(List.of(extra));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectErrorStream(true);
            builder.environment().putAll(env);
            return new ServerProcess(builder.start(), dataDir);
        } catch (IOException e) {
            throw new AssertionError("starting kumo server: " + e.getMessage(), e);
        }
    }

    List<String> lines() {
        return lines;
    }

    /** The API URL once the server printed it, else empty. */
    String apiUrl() {
        return lines.stream().filter(l -> l.startsWith("kumo: api listening on ")).findFirst()
                .map(l -> l.substring("kumo: api listening on ".length())).orElse("");
    }

    /** The ingress port from the line the server printed ("kumo: ingress listening on http://127.0.0.1:PORT …"). */
    int ingressPort() {
        String prefix = "kumo: ingress listening on http://127.0.0.1:";
        String line = lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no ingress line in " + lines));
        return Integer.parseInt(line.substring(prefix.length()).split("[^0-9]", 2)[0]);
    }

    /** How to reach its API (URL, token, certificate), read from its data directory once it is ready. */
    ApiAccess access() {
        return ApiAccess.of(dataDir);
    }

    boolean ready() {
        return lines.stream().anyMatch(l -> l.startsWith("kumo: ready"));
    }

    Process process() {
        return process;
    }

    /** SIGTERM, then the exit code; the output stays readable (Process.destroy() would close it). */
    int terminate() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("kumo server ignored SIGTERM for 30 s");
        }
        return process.exitValue();
    }

    /** SIGKILL: nothing runs in the server after this. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Stops the server as a user does (SIGTERM: it stops its instances first), SIGKILL only if it has not exited in
     * 30 s. Before, close was a SIGKILL and left every running instance behind (reaped only by a next start).
     */
    @Override
    public void close() {
        process.toHandle().destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

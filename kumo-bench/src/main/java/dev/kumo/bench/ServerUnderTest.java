package dev.kumo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A {@code kumo server} child process started the way {@code bin/kumo} starts it, timed until it is ready. */
final class ServerUnderTest implements AutoCloseable {

    private final Process process;
    final String url;
    final int ingressPort;
    final long startToReadyMillis;
    final String reportedReady;

    private ServerUnderTest(Process process, String url, int ingressPort, long startToReadyMillis,
            String reportedReady) {
        this.process = process;
        this.url = url;
        this.ingressPort = ingressPort;
        this.startToReadyMillis = startToReadyMillis;
        this.reportedReady = reportedReady;
    }

    /** Starts the whole platform with bin/kumo's JVM settings (less its CDS archive, so every run starts cold). */
    static ServerUnderTest start(String store, Path dataDir) throws IOException {
        return start(store, dataDir, true);
    }

    /** Starts the server; without Serving it is the API server and the store only. */
    static ServerUnderTest start(String store, Path dataDir, boolean serving) throws IOException {
        return start(store, dataDir, List.of(serving ? "--serving" : "--no-serving"));
    }

    /** Starts the whole platform with more {@code kumo server} arguments (e.g. {@code --config FILE}). */
    static ServerUnderTest start(String store, Path dataDir, List<String> moreArgs) throws IOException {
        long started = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                "dev.kumo.server.Main", "server", "--store", store, "--data-dir", dataDir.toString(),
                "--api-addr", "127.0.0.1:0", "--ingress-addr", "127.0.0.1:0"));
        command.addAll(moreArgs);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        String url = "";
        int ingressPort = -1;
        String line;
        while ((line = reader.readLine()) != null) {
            if (line.startsWith("kumo: api listening on ")) {
                url = line.substring("kumo: api listening on ".length());
            }
            if (line.startsWith("kumo: ingress listening on http://")) {
                String address = line.substring("kumo: ingress listening on http://".length()).split(" ")[0];
                ingressPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            }
            if (line.startsWith("kumo: ready")) {
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                CompletableFuture.runAsync(() -> drain(reader));
                return new ServerUnderTest(process, url, ingressPort, elapsed, line);
            }
        }
        throw new IOException("kumo server exited before it was ready (exit " + process.exitValue() + ")");
    }

    /** Resident set size of the server process, in MiB, from /proc. */
    double rssMiB() throws IOException {
        return Rss.mib(process.pid());
    }

    private static void drain(BufferedReader reader) {
        try {
            while (reader.readLine() != null) {
                // Keep the pipe empty so the server never blocks on its output.
            }
        } catch (IOException e) {
            // The server is gone.
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

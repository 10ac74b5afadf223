package dev.kumo.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A {@code kumo server} child process started the way {@code bin/kumo} starts it, timed until it is ready. */
final class ServerUnderTest implements AutoCloseable {

    private final ChildJvm jvm;
    final String url;
    final int ingressPort;
    final long startToReadyMillis;
    final String reportedReady;

    private ServerUnderTest(ChildJvm jvm, String url, int ingressPort, long startToReadyMillis,
            String reportedReady) {
        this.jvm = jvm;
        this.url = url;
        this.ingressPort = ingressPort;
        this.startToReadyMillis = startToReadyMillis;
        this.reportedReady = reportedReady;
    }

    /** Starts the whole platform with bin/kumo's JVM settings (less its CDS archive, so every run starts cold). */
    static ServerUnderTest start(String store, Path dataDir) throws IOException, InterruptedException {
        return start(store, dataDir, true);
    }

    /** Starts the server; without Serving it is the API server and the store only. */
    static ServerUnderTest start(String store, Path dataDir, boolean serving) throws IOException,
            InterruptedException {
        return start(store, dataDir, List.of(serving ? "--serving" : "--no-serving"));
    }

    /** Starts the whole platform with more {@code kumo server} arguments (e.g. {@code --config FILE}). */
    static ServerUnderTest start(String store, Path dataDir, List<String> moreArgs) throws IOException,
            InterruptedException {
        long started = System.nanoTime();
        List<String> args = new ArrayList<>(List.of("server", "--store", store, "--data-dir", dataDir.toString(),
                "--api-addr", "127.0.0.1:0", "--ingress-addr", "127.0.0.1:0", "--eventing-addr", "127.0.0.1:0"));
        args.addAll(moreArgs);
        ChildJvm jvm = ChildJvm.start("dev.kumo.server.Main", args);
        String url = "";
        int ingressPort = -1;
        for (Optional<String> next = jvm.nextLine(); next.isPresent(); next = jvm.nextLine()) {
            String line = next.get();
            if (line.startsWith("kumo: api listening on ")) {
                url = line.substring("kumo: api listening on ".length());
            }
            if (line.startsWith("kumo: ingress listening on http://")) {
                String address = line.substring("kumo: ingress listening on http://".length()).split(" ")[0];
                ingressPort = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            }
            if (line.startsWith("kumo: ready")) {
                long elapsed = (System.nanoTime() - started) / 1_000_000;
                jvm.drainInBackground();
                return new ServerUnderTest(jvm, url, ingressPort, elapsed, line);
            }
        }
        throw new IOException("kumo server exited before it was ready (" + jvm.exitStatus() + ")");
    }

    /** Resident set size of the server process, in MiB, from /proc. */
    double rssMiB() throws IOException {
        return jvm.rssMiB();
    }

    @Override
    public void close() throws InterruptedException {
        jvm.close();
    }
}

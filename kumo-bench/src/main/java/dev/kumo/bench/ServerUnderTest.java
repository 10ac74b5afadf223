package dev.kumo.bench;

import dev.kumo.cli.client.TrustedCertificates;
import dev.kumo.cli.config.CertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@code kumo server} child process started the way {@code bin/kumo} starts it, timed until it is ready, and
 * reached as any client of the secure default does: over HTTPS trusting its {@code tls/ca.crt}, with its token.
 */
final class ServerUnderTest implements AutoCloseable {

    private final ChildJvm jvm;
    private final Path dataDir;
    final String url;
    final int ingressPort;
    final long startToReadyMillis;
    final String reportedReady;
    /** The server's {@code kumo: warm-up} line: what its start-up warm-up did (or that it was off). */
    final String warmup;

    private ServerUnderTest(ChildJvm jvm, Path dataDir, String url, int ingressPort, long startToReadyMillis,
            String reportedReady, String warmup) {
        this.warmup = warmup;
        this.jvm = jvm;
        this.dataDir = dataDir;
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
                // Measured once its start-up warm-up has finished (bounded: at most 30 s), as a server up a while.
                String warmup = warmupLine(jvm);
                // Its log in its data directory: kept with it when a run fails.
                jvm.drainInBackground(Optional.of(dataDir.resolve("bench-server.log")));
                return new ServerUnderTest(jvm, dataDir, url, ingressPort, elapsed, line, warmup);
            }
        }
        throw new IOException("kumo server exited before it was ready (" + jvm.exitStatus() + ")");
    }

    /** Reads on to the server's {@code kumo: warm-up} line, which it prints once its warm-up is done or off. */
    private static String warmupLine(ChildJvm jvm) throws IOException {
        for (Optional<String> next = jvm.nextLine(); next.isPresent(); next = jvm.nextLine()) {
            if (next.get().startsWith("kumo: warm-up")) {
                return next.get();
            }
        }
        throw new IOException("kumo server exited before its warm-up line");
    }

    /** An HTTP/1.1 client of the API that trusts the server's certificate (and plain HTTP for the router). */
    HttpClient http() {
        HttpClient.Builder builder = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1);
        Path ca = dataDir.resolve("tls").resolve("ca.crt");
        if (Files.isRegularFile(ca)) {
            builder.sslContext(TrustedCertificates.sslContext(new CertificateAuthority(ca, "the server's data dir")));
        }
        return builder.build();
    }

    /** A request to the API URL {@code uri}, carrying the server's token. */
    HttpRequest.Builder request(String uri) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri));
        Path token = dataDir.resolve("token");
        if (Files.isRegularFile(token)) {
            try {
                request.header("Authorization", "Bearer " + Files.readString(token).trim());
            } catch (IOException e) {
                throw new UncheckedIOException("reading " + token, e);
            }
        }
        return request;
    }

    /** The server's log, written in its data directory. */
    Path log() {
        return dataDir.resolve("bench-server.log");
    }

    /** The CPU time (user and system) the server process has used so far. */
    java.time.Duration cpuTime() {
        return jvm.cpuTime();
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

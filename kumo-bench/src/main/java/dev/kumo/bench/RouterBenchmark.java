package dev.kumo.bench;

import dev.kumo.dataplane.api.RouterEngine;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAccumulator;

/**
 * The router benchmark. One nginx backend answering 12 bytes runs as a Kumo Service (a host process started by
 * Kumo's process runtime); wrk then drives that same process (a) directly on its instance port, (b) through Kumo's
 * router, and (c) through nginx as a keep-alive reverse proxy: a warm-up of each, then rounds interleaving them,
 * reporting each path's median round. The router is measured with tracing off, at 1% and at 100% sampling in one
 * run: one Kumo server per mode ({@code --trace-sampling 0|0.01|1}), each with its own backend, side by side with
 * the baselines; then the HTTP/2 and WebSocket echo rows ({@link ProtocolRounds}) through the 100% server. Then it
 * times apply → first 200 through the router (100%, the default) for fresh Services, and reports that server's RSS.
 * Usage: {@code RouterBenchmark [seconds=10] [connections=64] [cold-starts=5]}.
 */
public final class RouterBenchmark {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    /**
     * A 3 s warm-up left the router's first round at a third of its later rate: the JIT needs the load.
     * KUMO_BENCH_WARM_UP_SECONDS shortens it for a smoke run.
     */
    private static final Duration WARM_UP = Duration.ofSeconds(Integer.parseInt(
            System.getenv().getOrDefault("KUMO_BENCH_WARM_UP_SECONDS", "10")));
    private static final Duration FIRST_RESPONSE_TIMEOUT = Duration.ofSeconds(60);
    private static final int WRK_THREADS = 2;
    private static final int ROUNDS = 3;

    /** The default engine's name in the rows, e.g. {@code netty (default)}: the rows say what a user gets. */
    private static final String DEFAULT_ENGINE = RouterEngine.DEFAULT.flagValue() + " (default)";
    /** The engine that is not the default, measured untraced beside it. */
    private static final RouterEngine OTHER_ENGINE = RouterEngine.DEFAULT == RouterEngine.NETTY ? RouterEngine.VERTX
            : RouterEngine.NETTY;

    /**
     * The modes measured, each in a server of its own: its row's label and {@code --trace-sampling}; the default
     * engine (no flag) traced three ways, the other engine untraced.
     */
    private static final List<Mode> MODES = List.of(new Mode(DEFAULT_ENGINE + ", untraced", "0", "bench-untraced"),
            new Mode(OTHER_ENGINE.flagValue() + ", untraced", "0", "bench-other",
                    List.of("--router-engine", OTHER_ENGINE.flagValue())),
            new Mode(DEFAULT_ENGINE + ", 1%", "0.01", "bench-sampled"),
            new Mode(DEFAULT_ENGINE + ", 100%", "1", "bench"));

    /**
     * One mode: its row, its sampling ratio, the Service its server runs the backend as, and server flags of its
     * own (the other engine's row: {@code --router-engine}).
     */
    private record Mode(String label, String sampling, String service, List<String> args) {
        Mode(String label, String sampling, String service) {
            this(label, sampling, service, List.of());
        }
    }

    private final Path dir;
    private final Path backendScript;
    private final Map<Mode, ServerUnderTest> servers;
    private final ServerUnderTest server;
    private final HttpClient http;

    private RouterBenchmark(Path dir, Path backendScript, Map<Mode, ServerUnderTest> servers) {
        this.dir = dir;
        this.backendScript = backendScript;
        this.servers = servers;
        this.server = servers.get(MODES.getLast());
        this.http = server.http();
    }

    public static void main(String[] args) throws Exception {
        // The router routes by Host; the JDK client sends the URI's host unless this allows setting it.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int coldStarts = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        Path dir = Files.createTempDirectory("kumo-bench-router");
        boolean completed = false;
        // KUMO_BENCH_SERVER_ARGS adds server flags to every server; --trace-sampling is each mode's own.
        List<String> serverArgs = new ArrayList<>(List.of("--serving"));
        String extra = System.getenv().getOrDefault("KUMO_BENCH_SERVER_ARGS", "").strip();
        if (!extra.isEmpty()) {
            serverArgs.addAll(List.of(extra.split("\\s+")));
        }
        if (serverArgs.stream().anyMatch(arg -> arg.startsWith("--trace-sampling"))) {
            throw new IllegalArgumentException("KUMO_BENCH_SERVER_ARGS sets --trace-sampling, which bench-router sets "
                    + "itself (0, 0.01 and 1, one server each): leave it out");
        }
        Map<Mode, ServerUnderTest> servers = new LinkedHashMap<>();
        try {
            for (Mode mode : MODES) {
                List<String> modeArgs = new ArrayList<>(serverArgs);
                modeArgs.addAll(List.of("--trace-sampling", mode.sampling()));
                modeArgs.addAll(mode.args());
                servers.put(mode, ServerUnderTest.start("sqlite", dir.resolve("data-" + mode.service()), modeArgs));
            }
            new RouterBenchmark(dir, Nginx.writeBackendScript(dir), servers).run(duration, connections, coldStarts);
            completed = true;
        } finally {
            for (ServerUnderTest server : servers.values()) {
                server.close();
            }
            if (completed) {
                TempDir.deleteRecursively(dir);
            } else {
                System.err.println("bench-router: configs, logs and the data directory kept in " + dir);
            }
        }
    }

    private void run(Duration duration, int connections, int coldStarts) throws Exception {
        double idleRss = server.rssMiB();
        int backendH2Port = freePort();
        Files.writeString(dir.resolve("h2port-bench"), backendH2Port + "\n");
        long firstResponse = 0;
        for (Mode mode : MODES) {
            long took = applyAndAwait(servers.get(mode), mode.service(), backendBody(mode.service()));
            firstResponse = mode.service().equals("bench") ? took : firstResponse;
        }
        String host = "bench.default.localhost";
        int backendPort = Nginx.backendPort(dir, "bench");
        applyAndAwait(server, "echo", echoBody("echo"));
        int echoPort = Integer.parseInt(Files.readString(dir.resolve("echo-port")).strip());
        int proxyPort = freePort();
        int proxyH2Port = freePort();
        ProtocolRounds protocols = new ProtocolRounds(connections);
        int cores = Runtime.getRuntime().availableProcessors();
        Wrk warmUp = new Wrk(WRK_THREADS, connections, WARM_UP);
        Wrk wrk = new Wrk(WRK_THREADS, connections, duration);

        String direct = "http://127.0.0.1:" + backendPort + "/";
        String proxy = "http://127.0.0.1:" + proxyPort + "/";
        Map<String, List<Wrk.Result>> rounds = new LinkedHashMap<>();
        Map<String, String> rss = new LinkedHashMap<>();
        String loadBefore = LoadAverage.now();
        try (Nginx nginx = Nginx.startProxy(dir, proxyPort, proxyH2Port, backendPort, cores)) {
            Map<Mode, DoubleAccumulator> kumoPeaks = new LinkedHashMap<>();
            MODES.forEach(mode -> kumoPeaks.put(mode, new DoubleAccumulator(Math::max, 0)));
            DoubleAccumulator nginxPeak = new DoubleAccumulator(Math::max, 0);
            warmUp.run(direct, host);
            for (Mode mode : MODES) {
                warmUp.run(routerUrl(mode), mode.service() + ".default.localhost");
            }
            warmUp.run(proxy, host);
            // Rounds interleave the paths so that a burst of other load on the machine hits one round of each
            // rather than all of one path.
            for (int round = 0; round < ROUNDS; round++) {
                rounds.computeIfAbsent("direct", k -> new ArrayList<>()).add(wrk.run(direct, host));
                for (Mode mode : MODES) {
                    ServerUnderTest routing = servers.get(mode);
                    rounds.computeIfAbsent(mode.label(), k -> new ArrayList<>()).add(whileSampling(
                            () -> kumoPeaks.get(mode).accumulate(routing.rssMiB()),
                            () -> wrk.run(routerUrl(mode), mode.service() + ".default.localhost")));
                }
                rounds.computeIfAbsent("nginx proxy", k -> new ArrayList<>()).add(whileSampling(
                        () -> nginxPeak.accumulate(nginx.rssMiB()), () -> wrk.run(proxy, host)));
            }
            rss.put("direct", "-");
            MODES.forEach(mode -> rss.put(mode.label(), String.format("%.0f MiB (whole server)",
                    kumoPeaks.get(mode).get())));
            rss.put("nginx proxy", String.format("%.0f MiB (master + %d workers)", nginxPeak.get(), cores));
            Map<String, String> h2Urls = new LinkedHashMap<>();
            h2Urls.put("direct h2", "http://127.0.0.1:" + backendH2Port + "/");
            h2Urls.put("kumo router h2", routerUrl(MODES.getLast()));
            h2Urls.put("nginx proxy h2", "http://127.0.0.1:" + proxyH2Port + "/");
            protocols.http2(h2Urls, host, WARM_UP, duration);
        }
        Map<String, Integer> wsPorts = new LinkedHashMap<>();
        wsPorts.put("direct ws", echoPort);
        wsPorts.put("kumo router ws", server.ingressPort);
        protocols.webSocket(wsPorts, "echo.default.localhost", WARM_UP, duration);
        String loadAfter = LoadAverage.now();

        long[] coldMillis = new long[coldStarts];
        for (int i = 0; i < coldStarts; i++) {
            String name = "cold-" + i;
            coldMillis[i] = applyAndAwait(server, name, backendBody(name));
            delete(name);
        }
        print(new Figures(rounds, rss, loadBefore, loadAfter), duration, connections, cores, backendPort, firstResponse,
                coldMillis, idleRss);
        protocols.print();
    }

    /** Every round's wrk result per path, each path's RSS peak, and the machine's load average around the runs. */
    private record Figures(Map<String, List<Wrk.Result>> rounds, Map<String, String> rss, String loadBefore,
            String loadAfter) {
    }

    private void print(Figures figures, Duration duration,
            int connections, int cores, int backendPort, long firstResponse, long[] coldMillis, double idleRss)
            throws IOException {
        System.out.printf("%nKumo router benchmark: wrk -t%d -c%d -d%ds --latency, %d rounds interleaving the paths "
                + "after a %ds warm-up of each, %d cores shared by wrk, proxy and backend, java %s%n", WRK_THREADS,
                connections, duration.toSeconds(), ROUNDS, WARM_UP.toSeconds(), cores, Runtime.version());
        System.out.printf("backend: nginx, 1 worker, %d-byte body, run by Kumo as Service 'bench' (instance port %d); "
                + "direct, nginx proxy and router 100%% hit that same process, the untraced and 1%% routers their own "
                + "server's copy%n", Nginx.BODY.length(), backendPort);
        System.out.printf("nginx proxy: %d workers, keepalive 128 upstream; kumo router: %d event loops (default), "
                + "one server per row: the default engine (%s) at --trace-sampling 0, 0.01, 1 and --router-engine %s "
                + "at 0, all running throughout%n%n", cores, cores, RouterEngine.DEFAULT.flagValue(),
                OTHER_ENGINE.flagValue());
        System.out.printf("load average (1/5/15 min) before %s, after %s%n", figures.loadBefore(),
                figures.loadAfter());
        System.out.println("median round by requests/s; the range is every round's requests/s");
        System.out.printf("%-25s %12s %10s %10s %9s  %-22s %s%n", "path", "requests/s", "p50", "p99", "failed",
                "range requests/s", "RSS peak");
        figures.rounds().forEach((path, all) -> {
            List<Wrk.Result> sorted = all.stream()
                    .sorted(java.util.Comparator.comparingDouble(Wrk.Result::requestsPerSecond)).toList();
            Wrk.Result r = sorted.get(sorted.size() / 2);
            long failed = all.stream().mapToLong(Wrk.Result::failures).sum();
            System.out.printf("%-25s %,12.0f %7.2f ms %7.2f ms %9d  %-22s %s%n", path, r.requestsPerSecond(),
                    r.p50Millis(), r.p99Millis(), failed, String.format("%,.0f–%,.0f",
                    sorted.getFirst().requestsPerSecond(), sorted.getLast().requestsPerSecond()),
                    figures.rss().get(path));
        });
        long[] sorted = coldMillis.clone();
        Arrays.sort(sorted);
        System.out.printf("%napply -> first 200 through the router (POST Service, poll every 5 ms): "
                + "first 'bench' %d ms", firstResponse);
        if (sorted.length > 0) {
            System.out.printf("; %d fresh Services: median %d ms, min %d ms, max %d ms %s", sorted.length,
                    sorted[sorted.length / 2], sorted[0], sorted[sorted.length - 1], Arrays.toString(coldMillis));
        }
        System.out.printf("%nkumo server RSS (sqlite store, -XX:+UseSerialGC, heap not capped): %.0f MiB idle, "
                + "%s peak while routing, %.0f MiB at the end (the 100%% server)%n", idleRss,
                figures.rss().get(MODES.getLast().label()).split(" ")[0]
                + " MiB", server.rssMiB());
    }

    private String routerUrl(Mode mode) {
        return "http://127.0.0.1:" + servers.get(mode).ingressPort + "/";
    }

    /** Service {@code name} running the nginx backend. */
    private String backendBody(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"sh\"],\"args\":[\""
                + backendScript + "\"]}]}}}}";
    }

    /**
     * Service {@code name} running {@link WebSocketEcho} on this JVM's class path, its port written to echo-port;
     * kept at one instance (min-scale), as its direct path would otherwise go when the rows before left it idle.
     */
    private String echoBody(String name) {
        String java = ProcessHandle.current().info().command().orElse("java");
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{\"autoscaling.knative.dev/min-scale\":"
                + "\"1\"}},\"spec\":{\"containers\":[{\"command\":[\"" + java
                + "\"],\"args\":[\"-XX:+UseSerialGC\",\"-Xmx64m\",\"-cp\",\"" + System.getProperty("java.class.path")
                + "\",\"" + WebSocketEcho.class.getName() + "\"],\"env\":[{\"name\":\"PORT_FILE\",\"value\":\""
                + dir.resolve("echo-port") + "\"}]}]}}}}";
    }

    /**
     * Creates Service {@code name} from {@code body} in {@code server} and answers the milliseconds until its router
     * serves 200.
     */
    private long applyAndAwait(ServerUnderTest server, String name, String body)
            throws IOException, InterruptedException {
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort + "/"))
                .header("Host", name + ".default.localhost").timeout(Duration.ofSeconds(2)).GET().build();
        long started = System.nanoTime();
        new KumoColdStarts(server).create(name, body);
        long deadline = started + FIRST_RESPONSE_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = http.send(probe, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return (System.nanoTime() - started) / 1_000_000;
                }
                last = response.statusCode() + " " + response.body().strip();
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(5); // the measurement is a poll, as a user's first request would be
        }
        throw new IllegalStateException("Service " + name + " did not answer 200 through the router within "
                + FIRST_RESPONSE_TIMEOUT + "; last answer: " + last);
    }

    private void delete(String name) throws IOException, InterruptedException {
        http.send(server.request(server.url + SERVICES + "/" + name).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** Runs {@code work} while a virtual thread calls {@code sample} every 250 ms. */
    private static Wrk.Result whileSampling(Sampler sample, Work work) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        List<Exception> failures = new ArrayList<>();
        Thread sampler = Thread.ofVirtual().start(() -> {
            while (running.get()) {
                try {
                    sample.run();
                    Thread.sleep(250);
                } catch (InterruptedException e) {
                    return;
                } catch (IOException e) {
                    failures.add(e);
                    return;
                }
            }
        });
        try {
            return work.run();
        } finally {
            running.set(false);
            sampler.interrupt();
            sampler.join();
            if (!failures.isEmpty()) {
                throw failures.getFirst();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private interface Sampler {
        void run() throws IOException;
    }

    private interface Work {
        Wrk.Result run() throws IOException, InterruptedException;
    }
}

package dev.kumo.bench;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.InMemoryEndpoints;
import dev.kumo.dataplane.api.RouteTable;
import dev.kumo.dataplane.api.RouterConfig;
import dev.kumo.dataplane.api.RouterEngine;
import dev.kumo.dataplane.api.RouterTransport;
import dev.kumo.dataplane.api.ScalingSignals;
import dev.kumo.dataplane.router.RouterServer;
import dev.kumo.runtime.spi.InstanceAddress;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The router's ceiling on this machine (issue #16): one nginx backend (1 worker, 12 bytes) proxied by (a) a bare
 * Vert.x proxy, through its client pool and on a client connection pinned per inbound connection (on epoll and,
 * pinned, on io_uring), (b) a bare Netty
 * proxy with an upstream connection pinned per inbound connection, bare (on epoll and on io_uring) and doing the
 * router's per-request duties on Netty's objects ({@link RouterDuties}), (c) Kumo's router (untraced, in this JVM,
 * one route to the backend; on epoll and on io_uring) and (d) nginx (2 workers, keep-alive upstream), each with 2 event loops or workers; wrk in
 * rounds interleaving them, every ratio to nginx's median round, and each proxy's CPU time per request (the figure
 * the machine's other load disturbs least). Usage: {@code Ceiling [seconds=5] [connections=64] [rounds=3]};
 * KUMO_BENCH_WARM_UP_SECONDS (5) per path first; KUMO_BENCH_CEILING_PATHS keeps only the rows it names.
 */
public final class Ceiling {

    private static final int LOOPS = 2;
    private static final String HOST = "bench.default.localhost";

    private Ceiling() {
    }

    public static void main(String[] args) throws Exception {
        Duration duration = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 5);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Duration warmUp = Duration.ofSeconds(Integer.parseInt(
                System.getenv().getOrDefault("KUMO_BENCH_WARM_UP_SECONDS", "5")));
        java.nio.file.Path dir = null;
        Process backend = null;
        try {
            dir = Files.createTempDirectory("kumo-bench-ceiling");
            int backendPort = freePort();
            backend = startBackend(dir, backendPort);
            try (BareVertxProxy vertx = BareVertxProxy.start(LOOPS, backendPort, false);
                    BareVertxProxy pinned = BareVertxProxy.start(LOOPS, backendPort, true);
                    BareVertxProxy pinnedUring = BareVertxProxy.start(LOOPS, backendPort, true, true);
                    BareNettyProxy netty = BareNettyProxy.start(LOOPS, backendPort);
                    BareNettyProxy nettyUring = BareNettyProxy.startIoUring(LOOPS, backendPort);
                    BareNettyProxy nettyDuties = BareNettyProxy.start(LOOPS, backendPort, new RouterDuties(HOST,
                            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
                    OwnVertx routerEpoll = new OwnVertx(BenchVertx.create(LOOPS, false));
                    OwnVertx routerUring = new OwnVertx(BenchVertx.create(LOOPS, true));
                    RouterServer router = startRouter(routerEpoll.vertx(), backendPort);
                    RouterServer nettyRouter = startRouter(routerEpoll.vertx(), backendPort, RouterEngine.NETTY,
                            RouterTransport.EPOLL);
                    RouterServer nettyUringRouter = startRouter(routerEpoll.vertx(), backendPort, RouterEngine.NETTY,
                            RouterTransport.IO_URING);
                    RouterServer uringRouter = startRouter(routerUring.vertx(), backendPort);
                    Nginx nginx = Nginx.startProxy(dir, freePort(), freePort(), backendPort, LOOPS)) {
                Map<String, Path> paths = new LinkedHashMap<>();
                ProcessHandle backendTree = backend.toHandle();
                paths.put("direct", new Path(backendPort, () -> CpuTime.ofTree(backendTree)));
                paths.put("bare Netty", new Path(netty.port(), CpuTime::ofThisJvm));
                paths.put("Netty io_uring", new Path(nettyUring.port(), CpuTime::ofThisJvm));
                paths.put("Netty+duties", new Path(nettyDuties.port(), CpuTime::ofThisJvm));
                paths.put("bare Vert.x", new Path(vertx.port(), CpuTime::ofThisJvm));
                paths.put("Vert.x pinned", new Path(pinned.port(), CpuTime::ofThisJvm));
                paths.put("Vert.x uring", new Path(pinnedUring.port(), CpuTime::ofThisJvm));
                paths.put("kumo router", new Path(router.port(), CpuTime::ofThisJvm));
                paths.put("router netty", new Path(nettyRouter.port(), CpuTime::ofThisJvm));
                paths.put("router netty uring", new Path(nettyUringRouter.port(), CpuTime::ofThisJvm));
                paths.put("router uring", new Path(uringRouter.port(), CpuTime::ofThisJvm));
                paths.put("nginx proxy", new Path(nginx.port(), nginx::cpuNanos));
                // KUMO_BENCH_CEILING_PATHS (comma-separated row names) keeps only those rows, e.g. to profile one
                // proxy.
                String only = System.getenv().getOrDefault("KUMO_BENCH_CEILING_PATHS", "").strip();
                if (!only.isEmpty()) {
                    List<String> kept = List.of(only.split("\\s*,\\s*"));
                    paths.keySet().retainAll(kept);
                    if (!paths.containsKey("nginx proxy")) {
                        throw new IllegalArgumentException("KUMO_BENCH_CEILING_PATHS=" + only
                                + " must keep 'nginx proxy' (every ratio is to it); rows: direct, bare Netty, "
                                + "Netty io_uring, Netty+duties, bare Vert.x, Vert.x pinned, Vert.x uring, "
                                + "kumo router, "
                                + "router netty, router netty uring, "
                                + "router uring, "
                                + "nginx proxy");
                    }
                }
                run(paths, new Wrk(2, connections, warmUp), new Wrk(2, connections, duration), rounds);
            }
        } finally {
            if (backend != null) {
                stop(backend);
            }
            if (dir != null) {
                TempDir.deleteRecursively(dir);
            }
        }
    }

    /**
     * SIGTERM, SIGKILL if it lingers, then SIGKILL to its descendants (nginx's master and workers, which a SIGKILL to
     * the process alone would orphan), as {@link Nginx#close} does.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        descendants.forEach(ProcessHandle::destroyForcibly);
    }

    /** A router's Vert.x, closed after the router on it. */
    private record OwnVertx(Vertx vertx) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    /** One measured path: its port on 127.0.0.1 and the CPU clock of what serves it (the proxy, or the backend). */
    private record Path(int port, Cpu cpu) {
        String url() {
            return "http://127.0.0.1:" + port + "/";
        }
    }

    private interface Cpu {
        long nanos() throws IOException;
    }

    private static void run(Map<String, Path> paths, Wrk warmUp, Wrk wrk, int rounds) throws Exception {
        for (Path path : paths.values()) {
            warmUp.run(path.url(), HOST);
        }
        String loadBefore = LoadAverage.now();
        Map<String, List<Wrk.Result>> results = new LinkedHashMap<>();
        Map<String, List<Double>> cpuMicros = new LinkedHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (Map.Entry<String, Path> path : paths.entrySet()) {
                long cpuBefore = path.getValue().cpu().nanos();
                Wrk.Result result = wrk.run(path.getValue().url(), HOST);
                double requests = result.requestsPerSecond() * wrk.duration().toSeconds();
                cpuMicros.computeIfAbsent(path.getKey(), k -> new ArrayList<>())
                        .add((path.getValue().cpu().nanos() - cpuBefore) / 1000.0 / requests);
                results.computeIfAbsent(path.getKey(), k -> new ArrayList<>()).add(result);
            }
        }
        String loadAfter = LoadAverage.now();
        System.out.printf("%nceiling: wrk -t2 -c%d -d%ds, %d rounds interleaved after a %ds warm-up each, %d cores, "
                + "java %s; load average before %s, after %s%n", wrk.connections(), wrk.duration().toSeconds(),
                rounds, warmUp.duration().toSeconds(), Runtime.getRuntime().availableProcessors(), Runtime.version(),
                loadBefore, loadAfter);
        System.out.println("CPU µs/request: the proxy's own CPU (this JVM, or nginx's processes; the backend's for "
                + "direct) per request, median round; it depends far less on the machine's other load than requests/s");
        double nginx = median(results.get("nginx proxy")).requestsPerSecond();
        double nginxCpu = medianOf(cpuMicros.get("nginx proxy"));
        System.out.printf("%-13s %12s %8s %10s %10s %7s %9s %8s  %s%n", "path", "requests/s", "×nginx", "p50", "p99",
                "failed", "CPU µs/req", "×nginx", "rounds requests/s");
        results.forEach((path, all) -> {
            Wrk.Result r = median(all);
            double cpu = medianOf(cpuMicros.get(path));
            System.out.printf("%-13s %,12.0f %8.2f %7.2f ms %7.2f ms %7d %9.1f %8.2f  %s%n", path,
                    r.requestsPerSecond(), r.requestsPerSecond() / nginx, r.p50Millis(), r.p99Millis(),
                    all.stream().mapToLong(Wrk.Result::failures).sum(), cpu, cpu / nginxCpu,
                    all.stream().map(x -> String.format("%,.0f", x.requestsPerSecond())).toList());
        });
    }

    private static double medianOf(List<Double> all) {
        return all.stream().sorted().toList().get(all.size() / 2);
    }

    private static Wrk.Result median(List<Wrk.Result> all) {
        List<Wrk.Result> sorted = all.stream().sorted(Comparator.comparingDouble(Wrk.Result::requestsPerSecond))
                .toList();
        return sorted.get(sorted.size() / 2);
    }

    /** Kumo's router on {@code vertx} with its default stages, untraced, routing {@link #HOST} to the backend. */
    private static RouterServer startRouter(Vertx vertx, int backendPort) {
        return startRouter(vertx, backendPort, RouterEngine.VERTX, RouterTransport.DEFAULT);
    }

    /**
     * The same on {@code engine} (the Netty front's rows: {@link RouterEngine#NETTY}, its own loops on
     * {@code transport}).
     */
    private static RouterServer startRouter(Vertx vertx, int backendPort, RouterEngine engine,
            RouterTransport transport) {
        InMemoryEndpoints endpoints = new InMemoryEndpoints();
        RevisionId revision = new RevisionId("default", "bench-00001");
        RouterServer router = new RouterServer(vertx, new RouterConfig("127.0.0.1", 0).withEventLoops(LOOPS)
                .withEngine(engine).withTransport(transport),
                endpoints, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), new ScalingSignals());
        router.start();
        router.update(RouteTable.builder().host(HOST, revision).build());
        endpoints.set(revision, List.of(InstanceAddress.loopback(backendPort)));
        return router;
    }

    /** The benchmark's nginx backend on {@code port}, as Kumo's process runtime would start it. */
    private static Process startBackend(java.nio.file.Path dir, int port) throws IOException, InterruptedException {
        java.nio.file.Path script = Nginx.writeBackendScript(dir);
        ProcessBuilder builder = new ProcessBuilder("sh", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("backend.log").toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("K_SERVICE", "ceiling");
        builder.environment().merge("PATH", ":/usr/sbin", String::concat);
        Process backend = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Nginx.accepts(port)) {
            if (!backend.isAlive() || System.nanoTime() > deadline) {
                stop(backend);
                throw new IOException("the nginx backend did not listen on " + port + "; its log:\n"
                        + Files.readString(dir.resolve("backend.log")));
            }
            Thread.sleep(10); // polling a port: there is nothing to be notified by
        }
        return backend;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}

package dev.kumo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The cold-start benchmark. For each workload (busybox httpd, samples/hello-python, samples/hello-java) and each way
 * Kumo runs it ({@link ColdStartVariant}): (a) the workload's own start, spawned directly with PORT and
 * poll-connected every millisecond; (b) Kumo's cold start of the same
 * container, request → response through the router at a Service created at zero (initial-scale 0, a fresh Service
 * per cold start, deleted after it); (c) the difference, with Kumo's own split from /metrics beside it; (d) the same
 * for {@code burst} Services woken at once, against as many processes spawned at once. Then hello-java with a JDK AOT
 * cache: (a) with a cache from a training run of its own, (b) one Service annotated {@code kumo.dev/jvm-aot-cache}
 * woken from zero again and again (its first instance records the cache; the autoscaler's short windows bring it
 * back to zero between cold starts). Then, where podman is installed, the sample images busybox httpd and
 * hello-java as containers ({@link BenchImage}): Kumo's cold start from the Revision's warm pod against (a) podman's
 * own start of a container created ahead in a running pod and (a2) {@code podman run}, all through one podman service
 * ({@link PodmanBaselines}), each to its first 200, alone and {@code burst} at once.
 * Usage: {@code ColdStartBenchmark [runs=30] [burst=10] [burst-rounds=3] [aot-runs=runs]
 * [--workloads=busybox,python,java,java-aot,busybox-image,java-image] [--warmup=1]} (all workloads by default;
 * {@code --warmup=K}: K cold starts of each variant before the measured ones, not measured, at most
 * {@value #MAX_WARMUP} — to tell code the server runs for the first few times from waits that stay).
 */
public final class ColdStartBenchmark {

    private static final String CONFIG = """
            autoscaler:
              allow-zero-initial-scale: "true"
              stable-window: 6s
              scale-to-zero-grace-period: 2s
              tick-interval: 500ms
            """;

    private static final String WORKLOADS_FLAG = "--workloads=";
    private static final String WARMUP_FLAG = "--warmup=";
    private static final int MAX_WARMUP = 500;

    private final KumoColdStarts kumo;
    private final int runs;
    private final int burst;
    private final int burstRounds;
    private final int warmup;
    private final Supplier<Duration> serverCpu;

    private ColdStartBenchmark(KumoColdStarts kumo, int runs, int burst, int burstRounds, int warmup,
            Supplier<Duration> serverCpu) {
        this.serverCpu = serverCpu;
        this.kumo = kumo;
        this.runs = runs;
        this.burst = burst;
        this.burstRounds = burstRounds;
        this.warmup = warmup;
    }

    public static void main(String[] args) throws Exception {
        // The router routes by Host; the JDK client sends the URI's host unless this allows setting it.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        List<String> counts = Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList();
        int runs = counts.size() > 0 ? Integer.parseInt(counts.get(0)) : 30;
        int burst = counts.size() > 1 ? Integer.parseInt(counts.get(1)) : 10;
        int burstRounds = counts.size() > 2 ? Integer.parseInt(counts.get(2)) : 3;
        int aotRuns = counts.size() > 3 ? Integer.parseInt(counts.get(3)) : runs;
        Set<String> only = Arrays.stream(args).filter(arg -> arg.startsWith(WORKLOADS_FLAG))
                .flatMap(arg -> Arrays.stream(arg.substring(WORKLOADS_FLAG.length()).split(",")))
                .collect(Collectors.toSet());
        int warmup = warmup(args);
        Path samples = Path.of("samples").toAbsolutePath();
        Path dir = Files.createTempDirectory("kumo-bench-coldstart");
        Path www = Files.createDirectories(dir.resolve("www"));
        Files.writeString(www.resolve("index.html"), "Hello from busybox httpd\n");
        List<BenchWorkload> workloads = new ArrayList<>();
        Optional<Path> busybox = Optional.of(Path.of("/usr/bin/busybox")).filter(Files::isExecutable);
        busybox.ifPresent(path -> workloads.add(BenchWorkload.busybox(path, www)));
        workloads.add(BenchWorkload.python(samples));
        workloads.add(BenchWorkload.java(samples));
        workloads.removeIf(workload -> !only.isEmpty() && !only.contains(shortName(workload.name())));
        List<BenchImage> images = new ArrayList<>(List.of(BenchImage.busybox(), BenchImage.java()));
        images.removeIf(image -> !only.isEmpty() && !only.contains(image.name()));
        boolean aot = only.isEmpty() || only.contains("java-aot");
        Path config = Files.writeString(dir.resolve("kumo.yaml"), CONFIG);
        boolean completed = false;
        System.out.printf("%nKumo cold-start benchmark: %d cold starts per workload after %d unmeasured, %d rounds "
                + "of %d at once; %d cores, load average %s; workloads' java: %s; python3: %s%n", runs, warmup,
                burstRounds, burst,
                Runtime.getRuntime().availableProcessors(), LoadAverage.now(), version("java", "-version"),
                version("python3", "--version"));
        if (busybox.isEmpty()) {
            System.out.println("no /usr/bin/busybox (Debian: apt-get install busybox-static): no busybox row");
        }
        if (!images.isEmpty() && !PodmanBaselines.available()) {
            System.out.println("no podman (Debian: apt-get install podman runc catatonit): no container rows");
            images.clear();
        }
        Path dataDir = dir.resolve("data");
        Optional<PodmanBaselines> podman = images.isEmpty() ? Optional.empty()
                : Optional.of(PodmanBaselines.start(dir.resolve("podman"), dataDir));
        podman.ifPresent(service -> System.out.printf("container rows: podman service %s, Kumo's too "
                + "(--podman-socket); the baselines' pods and containers carry %s=%s, Kumo's %s%n", service.socket(),
                PodmanBaselines.RUN_LABEL, service.run(), service.kumoLabel()));
        // A Ctrl-C still removes what the container rows made (the server, in the same process group, its own).
        Thread cleanup = new Thread(() -> podman.ifPresent(PodmanBaselines::close));
        Runtime.getRuntime().addShutdownHook(cleanup);
        List<String> serverArgs = new ArrayList<>(List.of("--config", config.toString()));
        podman.ifPresent(service -> serverArgs.addAll(List.of("--podman-socket", service.socket().toString())));
        // More server flags, e.g. KUMO_BENCH_SERVER_ARGS=--warmup=false to compare without the start-up warm-up.
        String extra = System.getenv().getOrDefault("KUMO_BENCH_SERVER_ARGS", "").strip();
        if (!extra.isEmpty()) {
            serverArgs.addAll(List.of(extra.split("\\s+")));
        }
        try (ServerUnderTest server = ServerUnderTest.start("sqlite", dataDir, serverArgs)) {
            System.out.printf("server: %s; load average %s%n", server.warmup, LoadAverage.now());
            ColdStartBenchmark benchmark = new ColdStartBenchmark(new KumoColdStarts(server), runs, burst,
                    burstRounds, warmup, server::cpuTime);
            for (BenchWorkload workload : workloads) {
                for (ColdStartVariant variant : workload.variants()) {
                    benchmark.measure(workload.name(), variant)
                            .print(workload.name() + " (" + variant.label() + ")", variant);
                }
            }
            for (BenchImage image : images) {
                ColdStartVariant variant = image.variant(podman.orElseThrow());
                benchmark.measure(image.name(), variant).print(image.name() + " (" + variant.label() + ": "
                        + image.image() + ")", variant);
            }
            if (aot && aotRuns > 0) {
                benchmark.measureWithAotCache(BenchWorkload.java(samples), dir, aotRuns)
                        .print("hello-java with an AOT cache (kumo.dev/jvm-aot-cache: \"true\")", List.of(
                                "spawn → accepting, direct, with its own cache"));
            }
            System.out.printf("%nload average after: %s%n", LoadAverage.now());
            completed = true;
        } finally {
            podman.ifPresent(PodmanBaselines::close);
            Runtime.getRuntime().removeShutdownHook(cleanup);
            if (completed) {
                TempDir.deleteRecursively(dir);
            } else {
                System.err.println("bench-coldstart: the config and the data directory kept in " + dir);
            }
        }
    }

    /** The {@code --warmup=K} count (1 when not given), checked against its bounds. */
    private static int warmup(String[] args) {
        List<String> given = Arrays.stream(args).filter(arg -> arg.startsWith(WARMUP_FLAG))
                .map(arg -> arg.substring(WARMUP_FLAG.length())).toList();
        if (given.isEmpty()) {
            return 1;
        }
        String value = given.getLast();
        try {
            int warmup = Integer.parseInt(value);
            if (warmup >= 0 && warmup <= MAX_WARMUP) {
                return warmup;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new IllegalArgumentException("--warmup=" + value + ": the unmeasured cold starts before the measured "
                + "ones must be a whole number from 0 to " + MAX_WARMUP + " (e.g. --warmup=200)");
    }

    /** "busybox" for hello-busybox: the name {@code --workloads=} takes. */
    private static String shortName(String workload) {
        return workload.replaceFirst("^hello-", "");
    }

    private ColdStartFigures measure(String name, ColdStartVariant variant) throws Exception {
        List<ColdStartVariant.Baseline> baselines = variant.baselines();
        ColdStartFigures figures = new ColdStartFigures(baselines.size(), runs, burst * burstRounds);
        for (ColdStartVariant.Baseline baseline : baselines) {
            baseline.startTogether(1); // warms the page cache, not measured
        }
        String prefix = name + "-" + variant.label();
        for (int i = 0; i < warmup; i++) {
            kumo.together(variant, prefix + "-warm" + i, 1);
        }
        Duration cpuBefore = serverCpu.get();
        for (int i = 0; i < runs; i++) {
            for (int b = 0; b < baselines.size(); b++) {
                int which = b;
                baselines.get(b).startTogether(1).forEach(start -> figures.direct(which, start));
            }
            kumo.together(variant, prefix + "-" + i, 1).forEach(figures::kumo);
        }
        if (runs > 0) {
            figures.notes.add(String.format("the server's CPU per measured cold start (its Service created, called "
                    + "from zero, deleted): %.1f ms", serverCpu.get().minus(cpuBefore).toNanos() / 1e6 / runs));
        }
        if (ColdStartStages.on()) {
            figures.stages = () -> kumo.stages().print(kumo.serverLog(), ColdStartStages.revisionsOf(prefix, runs));
        }
        for (int round = 0; round < burstRounds; round++) {
            for (int b = 0; b < baselines.size(); b++) {
                int which = b;
                baselines.get(b).startTogether(burst).forEach(start -> figures.burstDirect(which, start));
            }
            kumo.together(variant, prefix + "-burst" + round, burst).forEach(figures::burstKumo);
        }
        return figures;
    }

    private ColdStartFigures measureWithAotCache(BenchWorkload java, Path dir, int aotRuns) throws Exception {
        ColdStartFigures figures = new ColdStartFigures(1, aotRuns, 0);
        Path cache = dir.resolve("hello-java.aot");
        DirectStart.recordAotCache(java, cache);
        List<String> withCache = java.withOptions(List.of("-XX:AOTCache=" + cache));
        for (int i = 0; i < aotRuns; i++) {
            DirectStart.startTogether(java, withCache, 1).forEach(start -> figures.direct(0, start));
        }
        kumo.cycles(java.annotated("hello-java-aot", Map.of("kumo.dev/jvm-aot-cache", "true")), "hello-java-aot",
                aotRuns).forEach(figures::kumo);
        return figures;
    }

    private static String version(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String first = reader.readLine();
                process.waitFor();
                return first == null ? "?" : first.strip();
            }
        } catch (IOException | InterruptedException e) {
            return "not found (" + e.getMessage() + ")";
        }
    }

    /** One variant's figures: its baselines' starts, Kumo's cold starts and their split, alone and at once. */
    private static final class ColdStartFigures {

        final List<Latencies> direct = new ArrayList<>();
        final Latencies directResponse;
        /** Each cold start through Kumo minus the direct start's first response measured just before it. */
        final PairedDifferences pairedGap = new PairedDifferences();
        final Latencies kumo;
        final Latencies workloadStart;
        final Latencies platform;
        final List<Latencies> burstDirect = new ArrayList<>();
        final Latencies burstKumo;
        final Latencies burstPlatform;
        private final List<String> notes = new ArrayList<>();
        /** Prints where the time went, when the server logged its stages. */
        StagePrinter stages = () -> { };

        ColdStartFigures(int baselines, int runs, int burstSamples) {
            for (int i = 0; i < baselines; i++) {
                direct.add(new Latencies(runs));
                burstDirect.add(new Latencies(burstSamples));
            }
            directResponse = new Latencies(runs);
            kumo = new Latencies(runs);
            workloadStart = new Latencies(runs);
            platform = new Latencies(runs);
            burstKumo = new Latencies(burstSamples);
            burstPlatform = new Latencies(burstSamples);
        }

        /** A start of baseline {@code which}; the first baseline's first responses are kept too. */
        void direct(int which, DirectStart.Start start) {
            direct.get(which).record(start.acceptNanos());
            if (which == 0) {
                directResponse.record(start.firstResponseNanos());
                pairedGap.baseline(start.firstResponseNanos());
            }
        }

        void burstDirect(int which, DirectStart.Start start) {
            burstDirect.get(which).record(start.acceptNanos());
        }

        void kumo(KumoColdStarts.Sample sample) {
            kumo.record(sample.requestNanos());
            pairedGap.measured(sample.requestNanos());
            if (sample.split().count() == 1) {
                workloadStart.record(nanos(sample.split().workload()));
                platform.record(nanos(sample.split().platform()));
            } else {
                notes.add("a cold start without its split in /metrics: " + sample.split());
            }
        }

        void burstKumo(KumoColdStarts.Sample sample) {
            burstKumo.record(sample.requestNanos());
            if (sample.split().count() == 1) {
                burstPlatform.record(nanos(sample.split().platform()));
            }
        }

        void print(String name, ColdStartVariant variant) {
            print(name, variant.baselines().stream().map(ColdStartVariant.Baseline::label).toList());
        }

        /** Prints the rows; {@code baselines} names each baseline, the first being what (c) subtracts. */
        void print(String name, List<String> baselines) {
            Latencies first = direct.getFirst();
            System.out.printf("%n%s%n", name);
            System.out.printf("  %-56s %4s %10s %10s %10s%n", "", "n", "p50", "p99", "max");
            for (int i = 0; i < baselines.size(); i++) {
                row("(a" + (i == 0 ? "" : String.valueOf(i + 1)) + ") " + baselines.get(i), direct.get(i));
            }
            row("(b) request → response through Kumo, from zero", kumo);
            System.out.printf("  %-56s %4s %10s %10s%n", "(c) Kumo's overhead (b − a, percentile by percentile)",
                    "", diff(kumo, first, 50), diff(kumo, first, 99));
            System.out.printf("  %-56s %4s %9.2fx %9.2fx%n", "    ratio b / a", "", ratio(kumo, first, 50),
                    ratio(kumo, first, 99));
            for (int i = 1; i < baselines.size(); i++) {
                System.out.printf("  %-56s %4s %9.2fx %9.2fx%n", "    ratio a" + (i + 1) + " / b (Kumo is x faster)",
                        "", ratio(direct.get(i), kumo, 50), ratio(direct.get(i), kumo, 99));
            }
            row("    direct: spawn → first response (its first request)", directResponse);
            System.out.printf("  %-56s %4s %10s %10s%n", "    b − (spawn → first response)", "",
                    diff(kumo, directResponse, 50), diff(kumo, directResponse, 99));
            System.out.printf("  %-56s %4d %+7.1f ms %+7.1f ms%n",
                    "    the same, paired (each − the direct one before it)", pairedGap.count(),
                    pairedGap.percentileMillis(50), pairedGap.percentileMillis(99));
            row("    Kumo's split (/metrics): workload exec → ready", workloadStart);
            row("    Kumo's split (/metrics): platform share", platform);
            try {
                stages.print();
            } catch (IOException e) {
                notes.add("the server's stages could not be read: " + e.getMessage());
            }
            if (burstKumo.count() == 0) {
                notes.forEach(note -> System.out.println("  note: " + note));
                return;
            }
            for (int i = 0; i < baselines.size(); i++) {
                row("(d) at once: (a" + (i == 0 ? "" : String.valueOf(i + 1)) + ") " + burstDirect.get(i).count()
                        + " starts", burstDirect.get(i));
            }
            row("(d) at once: request → response through Kumo", burstKumo);
            System.out.printf("  %-56s %4s %10s %10s%n", "(d) Kumo's overhead at once (b − a)", "",
                    diff(burstKumo, burstDirect.getFirst(), 50), diff(burstKumo, burstDirect.getFirst(), 99));
            for (int i = 1; i < baselines.size(); i++) {
                System.out.printf("  %-56s %4s %9.2fx %9.2fx%n", "(d) ratio a" + (i + 1) + " / b at once", "",
                        ratio(burstDirect.get(i), burstKumo, 50), ratio(burstDirect.get(i), burstKumo, 99));
            }
            row("    Kumo's split at once (/metrics): platform share", burstPlatform);
            notes.forEach(note -> System.out.println("  note: " + note));
        }

        /** Prints the stages of the cold starts measured. */
        interface StagePrinter {
            void print() throws IOException;
        }

        private static double ratio(Latencies a, Latencies b, double percentile) {
            return a.percentileMillis(percentile) / b.percentileMillis(percentile);
        }

        private static void row(String what, Latencies latencies) {
            System.out.printf("  %-56s %4d %7.1f ms %7.1f ms %7.1f ms%n", what, latencies.count(),
                    latencies.percentileMillis(50), latencies.percentileMillis(99), latencies.percentileMillis(100));
        }

        private static String diff(Latencies a, Latencies b, double percentile) {
            return String.format("%+7.1f ms", a.percentileMillis(percentile) - b.percentileMillis(percentile));
        }

        private static long nanos(double seconds) {
            return (long) (seconds * 1e9);
        }
    }
}

package dev.kumo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The cold-start benchmark. For each sample workload (samples/hello-python, samples/hello-java): (a) the workload's
 * own start, spawned directly with PORT and poll-connected every millisecond; (b) Kumo's cold start of the same
 * container, request → response through the router at a Service created at zero (initial-scale 0, a fresh Service
 * per cold start, deleted after it); (c) the difference, with Kumo's own split from /metrics beside it; (d) the same
 * for {@code burst} Services woken at once, against as many processes spawned at once. Then hello-java with a JDK AOT
 * cache: (a) with a cache from a training run of its own, (b) one Service annotated {@code kumo.dev/jvm-aot-cache}
 * woken from zero again and again (its first instance records the cache; the autoscaler's short windows bring it
 * back to zero between cold starts).
 * Usage: {@code ColdStartBenchmark [runs=30] [burst=10] [burst-rounds=3] [aot-runs=runs]}.
 */
public final class ColdStartBenchmark {

    private static final String CONFIG = """
            autoscaler:
              allow-zero-initial-scale: "true"
              stable-window: 6s
              scale-to-zero-grace-period: 2s
              tick-interval: 500ms
            """;

    private final KumoColdStarts kumo;
    private final int runs;
    private final int burst;
    private final int burstRounds;

    private ColdStartBenchmark(KumoColdStarts kumo, int runs, int burst, int burstRounds) {
        this.kumo = kumo;
        this.runs = runs;
        this.burst = burst;
        this.burstRounds = burstRounds;
    }

    public static void main(String[] args) throws Exception {
        // The router routes by Host; the JDK client sends the URI's host unless this allows setting it.
        System.setProperty("jdk.httpclient.allowRestrictedHeaders", "host");
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int burst = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int burstRounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int aotRuns = args.length > 3 ? Integer.parseInt(args[3]) : runs;
        Path samples = Path.of("samples").toAbsolutePath();
        List<BenchWorkload> workloads = List.of(BenchWorkload.python(samples), BenchWorkload.java(samples));
        Path dir = Files.createTempDirectory("kumo-bench-coldstart");
        Path config = Files.writeString(dir.resolve("kumo.yaml"), CONFIG);
        boolean completed = false;
        System.out.printf("%nKumo cold-start benchmark: %d cold starts per workload, %d rounds of %d at once; "
                + "%d cores, load average %s; workloads' java: %s; python3: %s%n", runs, burstRounds, burst,
                Runtime.getRuntime().availableProcessors(), LoadAverage.now(), version("java", "-version"),
                version("python3", "--version"));
        try (ServerUnderTest server = ServerUnderTest.start("sqlite", dir.resolve("data"),
                List.of("--config", config.toString()))) {
            ColdStartBenchmark benchmark = new ColdStartBenchmark(new KumoColdStarts(server), runs, burst,
                    burstRounds);
            for (BenchWorkload workload : workloads) {
                benchmark.measure(workload).print(workload.name());
            }
            if (aotRuns > 0) {
                benchmark.measureWithAotCache(BenchWorkload.java(samples), dir, aotRuns)
                        .print("hello-java with an AOT cache (kumo.dev/jvm-aot-cache: \"true\")");
            }
            System.out.printf("%nload average after: %s%n", LoadAverage.now());
            completed = true;
        } finally {
            if (completed) {
                TempDir.deleteRecursively(dir);
            } else {
                System.err.println("bench-coldstart: the config and the data directory kept in " + dir);
            }
        }
    }

    private ColdStartFigures measure(BenchWorkload workload) throws Exception {
        ColdStartFigures figures = new ColdStartFigures(runs, burst * burstRounds);
        DirectStart.startTogether(workload, workload.command(), 1); // warms the page cache, not measured
        kumo.together(workload, workload.name() + "-warm", 1);
        for (int i = 0; i < runs; i++) {
            DirectStart.startTogether(workload, workload.command(), 1).forEach(figures::direct);
            kumo.together(workload, workload.name() + "-" + i, 1).forEach(figures::kumo);
        }
        for (int round = 0; round < burstRounds; round++) {
            DirectStart.startTogether(workload, workload.command(), burst).forEach(figures::burstDirect);
            kumo.together(workload, workload.name() + "-burst" + round, burst).forEach(figures::burstKumo);
        }
        return figures;
    }

    private ColdStartFigures measureWithAotCache(BenchWorkload java, Path dir, int aotRuns) throws Exception {
        ColdStartFigures figures = new ColdStartFigures(aotRuns, 0);
        Path cache = dir.resolve("hello-java.aot");
        DirectStart.recordAotCache(java, cache);
        List<String> withCache = java.withOptions(List.of("-XX:AOTCache=" + cache));
        for (int i = 0; i < aotRuns; i++) {
            DirectStart.startTogether(java, withCache, 1).forEach(figures::direct);
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

    /** One workload's figures: direct starts, Kumo's cold starts and their split, alone and at once. */
    private static final class ColdStartFigures {

        final Latencies direct;
        final Latencies directResponse;
        final Latencies kumo;
        final Latencies workloadStart;
        final Latencies platform;
        final Latencies burstDirect;
        final Latencies burstKumo;
        final Latencies burstPlatform;
        private final List<String> notes = new ArrayList<>();

        ColdStartFigures(int runs, int burstSamples) {
            direct = new Latencies(runs);
            directResponse = new Latencies(runs);
            kumo = new Latencies(runs);
            workloadStart = new Latencies(runs);
            platform = new Latencies(runs);
            burstDirect = new Latencies(burstSamples);
            burstKumo = new Latencies(burstSamples);
            burstPlatform = new Latencies(burstSamples);
        }

        void direct(DirectStart.Start start) {
            direct.record(start.acceptNanos());
            directResponse.record(start.firstResponseNanos());
        }

        void burstDirect(DirectStart.Start start) {
            burstDirect.record(start.acceptNanos());
        }

        void kumo(KumoColdStarts.Sample sample) {
            kumo.record(sample.requestNanos());
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

        void print(String name) {
            System.out.printf("%n%s%n", name);
            System.out.printf("  %-52s %4s %10s %10s %10s%n", "", "n", "p50", "p99", "max");
            row("(a) spawn → accepting, direct (poll-connect 1 ms)", direct);
            row("(b) request → response through Kumo, from zero", kumo);
            System.out.printf("  %-52s %4s %10s %10s%n", "(c) Kumo's overhead (b − a, percentile by percentile)",
                    "", diff(kumo, direct, 50), diff(kumo, direct, 99));
            row("    direct: spawn → first response (its first request)", directResponse);
            System.out.printf("  %-52s %4s %10s %10s%n", "    b − (spawn → first response)", "",
                    diff(kumo, directResponse, 50), diff(kumo, directResponse, 99));
            row("    Kumo's split (/metrics): workload exec → ready", workloadStart);
            row("    Kumo's split (/metrics): platform share", platform);
            if (burstDirect.count() == 0) {
                notes.forEach(note -> System.out.println("  note: " + note));
                return;
            }
            row("(d) at once: spawn → accepting, direct", burstDirect);
            row("(d) at once: request → response through Kumo", burstKumo);
            System.out.printf("  %-52s %4s %10s %10s%n", "(d) Kumo's overhead at once (b − a)", "",
                    diff(burstKumo, burstDirect, 50), diff(burstKumo, burstDirect, 99));
            row("    Kumo's split at once (/metrics): platform share", burstPlatform);
            notes.forEach(note -> System.out.println("  note: " + note));
        }

        private static void row(String what, Latencies latencies) {
            System.out.printf("  %-52s %4d %7.1f ms %7.1f ms %7.1f ms%n", what, latencies.count(),
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

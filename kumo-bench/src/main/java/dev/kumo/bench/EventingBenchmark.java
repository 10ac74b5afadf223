package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The eventing benchmark. kumo-eventing's event mesh runs in a child JVM (durable log, fsync on) with one Trigger
 * delivering everything to an HTTP subscriber; closed-loop producers in this JVM post binary-mode CloudEvents at a
 * few concurrencies, (a) straight to the subscriber (the baseline: what the same load generator gets from the same
 * subscriber with no broker between), (b) to the broker, (c) to a channel with one subscriber and (d) into a
 * three-step Sequence's first channel (each step replies; end to end is ingress → the last reply at the subscriber); prints events/s accepted (202) and delivered end to
 * end, p50/p99 of post → 202 and of post → delivery, the mesh's CPU per event and the JIT's share of it, then the
 * mesh's RSS. Measured after warm-up rounds through every path at every producer count measured, until the JIT's
 * share of the mesh's CPU in a round is small (a steady state, not C2 at work). Bounded: each run stops after its
 * time or its event cap, whichever comes first, and deliveries are awaited for at most two minutes.
 * Usage: {@code EventingBenchmark [seconds-per-run=10] [producers=8,32,64] [max-events-per-run=100000]}.
 */
public final class EventingBenchmark {

    /** Each path at each producer count of the rows, per warm-up round. */
    private static final Duration WARM_UP = Duration.ofSeconds(3);
    /** The warm-up ends after a round whose JIT share of the mesh's CPU is at most this (JMH's steady state). */
    private static final double SETTLED_JIT_PERCENT = 5;
    private static final int MAX_WARM_UP_ROUNDS = 5;
    private static final List<String> PATHS = List.of("direct", "broker", "channel", "seq3");
    private static final Duration DELIVERY_WAIT = Duration.ofMinutes(2);

    /**
     * One run: the load's figures, what the subscriber saw of its accepted events, the CPU time meanwhile of the mesh
     * and of the JIT's threads in the mesh and in this JVM.
     */
    private record Measured(EventLoad.Run run, Latencies delivery, long deliveredWallNanos, long undelivered,
            RunCpu cpu) {
    }

    /** A measured run of one path at one concurrency. */
    private record Row(int producers, String path, Measured measured) {
    }

    private final Vertx vertx;
    private final EventSubscriber subscriber;
    private final MeshProcess mesh;
    private final int events;
    private final Duration limit;

    private EventingBenchmark(Vertx vertx, EventSubscriber subscriber, MeshProcess mesh, int events,
            Duration limit) {
        this.vertx = vertx;
        this.mesh = mesh;
        this.subscriber = subscriber;
        this.events = events;
        this.limit = limit;
    }

    public static void main(String[] args) throws Exception {
        Duration limit = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 10);
        int[] producers = Arrays.stream((args.length > 1 ? args[1] : "8,32,64").split(","))
                .mapToInt(p -> Integer.parseInt(p.trim())).toArray();
        int events = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        Path dir = Files.createTempDirectory("kumo-bench-eventing");
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true));
        boolean completed = false;
        try (EventSubscriber subscriber = EventSubscriber.start(vertx);
                MeshProcess mesh = MeshProcess.start(dir.resolve("events.db"), subscriber.uri())) {
            EventingBenchmark benchmark = new EventingBenchmark(vertx, subscriber, mesh, events, limit);
            String loadBefore = LoadAverage.now();
            List<RunCpu> warmUp = benchmark.warmUp(producers);
            List<Row> rows = new ArrayList<>();
            for (int p : producers) {
                for (String path : PATHS) {
                    rows.add(benchmark.row(p, path, benchmark.target(path)));
                }
            }
            print(rows, warmUp, events, limit, loadBefore, LoadAverage.now(), Files.getFileStore(dir).type(),
                    mesh.rssMiB());
            completed = true;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            if (completed) {
                TempDir.deleteRecursively(dir);
            } else {
                System.err.println("bench-eventing: the event log kept in " + dir);
            }
        }
    }

    /**
     * Rounds of every path at every producer count of the rows, {@link #WARM_UP} each, until the JIT's share of the
     * mesh's CPU in a round is at most {@link #SETTLED_JIT_PERCENT} (or {@link #MAX_WARM_UP_ROUNDS} have run): a
     * steady state is measured, not C2 compiling the hot paths. The CPU of each round.
     */
    private List<RunCpu> warmUp(int[] producers) throws Exception {
        List<RunCpu> rounds = new ArrayList<>();
        while (warmingUp(rounds)) {
            RunCpu round = RunCpu.NONE;
            for (int p : producers) {
                for (String path : PATHS) {
                    round = round.plus(measure("warm" + rounds.size() + path.charAt(0) + p, target(path), p,
                            WARM_UP).cpu());
                }
            }
            rounds.add(round);
        }
        return rounds;
    }

    /** Whether another warm-up round is due after {@code rounds}: none yet, or the JIT not settled in the last. */
    static boolean warmingUp(List<RunCpu> rounds) {
        return rounds.size() < MAX_WARM_UP_ROUNDS
                && (rounds.isEmpty() || rounds.getLast().meshJitPercent() > SETTLED_JIT_PERCENT);
    }

    private URI target(String path) {
        return switch (path) {
            case "direct" -> subscriber.uri();
            case "broker" -> mesh.brokerUrl();
            case "channel" -> mesh.channelUrl();
            case "seq3" -> mesh.sequenceUrl();
            default -> throw new IllegalArgumentException("unknown path " + path + ": one of " + PATHS);
        };
    }

    private Row row(int producers, String path, URI target) throws Exception {
        return new Row(producers, path, measure(path.charAt(0) + Integer.toString(producers), target, producers,
                limit));
    }

    /** Runs the load, then waits for the subscriber to have every accepted event. */
    private Measured measure(String runId, URI target, int producers, Duration time) throws Exception {
        RunCpu cpuBefore = cpuNow();
        EventLoad.Run run = EventLoad.run(vertx, target, runId, events, producers, time);
        Map<String, Long> sent = run.acceptedSentAtNanos();
        long undelivered = subscriber.awaitAll(sent.keySet(), DELIVERY_WAIT);
        Latencies delivery = new Latencies(sent.size());
        long lastArrival = run.startNanos();
        for (Map.Entry<String, Long> event : sent.entrySet()) {
            Long arrived = subscriber.arrivedNanos(event.getKey());
            if (arrived != null) {
                delivery.record(arrived - event.getValue());
                lastArrival = Math.max(lastArrival, arrived);
            }
        }
        return new Measured(run, delivery, lastArrival - run.startNanos(), undelivered,
                cpuNow().minus(cpuBefore));
    }

    private RunCpu cpuNow() throws IOException {
        ProcessHandle self = ProcessHandle.current();
        return new RunCpu(mesh.cpuTime(), mesh.jitCpuTime(), Duration.ofNanos(CpuTime.ofThisJvm()),
                Duration.ofNanos(JitCpu.of(self.pid())));
    }

    private static void print(List<Row> rows, List<RunCpu> warmUp, int events, Duration limit, String loadBefore,
            String loadAfter, String fileSystem, double meshRss) {
        System.out.printf("%nKumo eventing benchmark: %d s per run (at most %,d events), closed-loop producers "
                + "(Vert.x HTTP/1.1 client, keep-alive), binary-mode CloudEvents with a ~30-byte JSON body; %d cores "
                + "shared by producers, subscriber and mesh; java %s%n", limit.toSeconds(), events,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("broker: kumo-eventing's EventMesh in a child JVM (-XX:+UseSerialGC), event log on %s with "
                + "fsync on (group commit: each batch fdatasynced in the ingress journal, SQLite synchronous=NORMAL), "
                + "one Trigger matching everything -> the subscriber "
                + "(a Vert.x server in this JVM answering 202); channel: an InMemoryChannel of the same mesh with one "
                + "subscriber -> the subscriber; seq3: a three-step Sequence's channels, each step a reply from the "
                + "subscriber's JVM, the last reply -> the subscriber; direct: the same producers post to that "
                + "subscriber%n",
                fileSystem);
        System.out.printf("warm-up: rounds of %d s through each path at each producer count until the JIT is at "
                + "most %.0f %% of the mesh's CPU in a round (at most %d rounds); JIT share of the mesh's / this JVM's "
                + "CPU by round: %s; load average (1/5/15 min) before %s, after %s%n%n", WARM_UP.toSeconds(),
                SETTLED_JIT_PERCENT, MAX_WARM_UP_ROUNDS, warmUp.stream()
                        .map(round -> String.format("%.0f/%.0f %%", round.meshJitPercent(), round.benchJitPercent()))
                        .toList(), loadBefore, loadAfter);
        System.out.printf("%-9s %-8s %12s %9s %9s %13s %13s %9s %7s %11s %13s %11s%n", "producers", "path",
                "accepted/s", "202 p50", "202 p99", "delivered/s", "delivery p50", "p99", "failed", "undelivered",
                "mesh CPU/event", "JIT m/b");
        for (Row row : rows) {
            Measured measured = row.measured();
            EventLoad.Run run = measured.run();
            System.out.printf("%-9d %-8s %,12.0f %6.2f ms %6.2f ms %,13.0f %10.2f ms %6.2f ms %7d %11d %10.1f us"
                    + " %4.0f/%2.0f %%%n",
                    row.producers(), row.path(), run.accepted() / (run.wallNanos() / 1e9),
                    run.acks().percentileMillis(50), run.acks().percentileMillis(99),
                    measured.delivery().count() / (Math.max(1, measured.deliveredWallNanos()) / 1e9),
                    measured.delivery().percentileMillis(50), measured.delivery().percentileMillis(99), run.failed(),
                    measured.undelivered(), measured.cpu().mesh().toNanos() / 1e3 / Math.max(1, run.accepted()),
                    measured.cpu().meshJitPercent(), measured.cpu().benchJitPercent());
        }
        System.out.println("\naccepted/s: 202s over the run's wall time; delivered/s: deliveries over first post -> "
                + "last delivery; delivery: post -> the subscriber has the event (for direct, the same request); mesh "
                + "CPU/event: the mesh JVM's CPU time (user + system) over the run and its deliveries, per accepted "
                + "event (for direct, the idle mesh's); JIT m/b: the JIT compiler threads' share of the mesh's CPU and "
                + "of this JVM's (producers and subscriber) over the run (for direct, of the idle mesh's few ticks)");
        System.out.printf("event mesh RSS at the end: %.0f MiB%n", meshRss);
    }
}

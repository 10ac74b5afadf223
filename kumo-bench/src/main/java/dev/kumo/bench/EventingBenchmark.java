package dev.kumo.bench;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
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
 * end, p50/p99 of post → 202 and of post → delivery, then the mesh's RSS. Bounded: each run stops after its time or
 * its event cap, whichever comes first, and deliveries are awaited for at most two minutes.
 * Usage: {@code EventingBenchmark [seconds-per-run=10] [producers=8,32,64] [max-events-per-run=100000]}.
 */
public final class EventingBenchmark {

    private static final Duration WARM_UP = Duration.ofSeconds(5);
    private static final int WARM_UP_PRODUCERS = 16;
    private static final Duration DELIVERY_WAIT = Duration.ofMinutes(2);

    /** One run: the load's figures, what the subscriber saw of its accepted events, the mesh's CPU time meanwhile. */
    private record Measured(EventLoad.Run run, Latencies delivery, long deliveredWallNanos, long undelivered,
            Duration meshCpu) {
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
            benchmark.measure("warm-d", subscriber.uri(), WARM_UP_PRODUCERS, WARM_UP);
            benchmark.measure("warm-b", mesh.brokerUrl(), WARM_UP_PRODUCERS, WARM_UP);
            // Every path, so that the first measured (the broker) does not carry the JIT's warm-up alone.
            benchmark.measure("warm-c", mesh.channelUrl(), WARM_UP_PRODUCERS, WARM_UP);
            benchmark.measure("warm-s", mesh.sequenceUrl(), WARM_UP_PRODUCERS, WARM_UP);
            List<Row> rows = new ArrayList<>();
            for (int p : producers) {
                rows.add(benchmark.row(p, "direct", subscriber.uri()));
                rows.add(benchmark.row(p, "broker", mesh.brokerUrl()));
                rows.add(benchmark.row(p, "channel", mesh.channelUrl()));
                rows.add(benchmark.row(p, "seq3", mesh.sequenceUrl()));
            }
            print(rows, events, limit, loadBefore, LoadAverage.now(), Files.getFileStore(dir).type(),
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

    private Row row(int producers, String path, URI target) throws Exception {
        return new Row(producers, path, measure(path.charAt(0) + Integer.toString(producers), target, producers,
                limit));
    }

    /** Runs the load, then waits for the subscriber to have every accepted event. */
    private Measured measure(String runId, URI target, int producers, Duration time) throws Exception {
        Duration cpuBefore = mesh.cpuTime();
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
                mesh.cpuTime().minus(cpuBefore));
    }

    private static void print(List<Row> rows, int events, Duration limit, String loadBefore, String loadAfter,
            String fileSystem, double meshRss) {
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
        System.out.printf("warm-up: %d s through each path at %d producers; load average (1/5/15 min) before "
                + "%s, after %s%n%n", WARM_UP.toSeconds(), WARM_UP_PRODUCERS, loadBefore, loadAfter);
        System.out.printf("%-9s %-8s %12s %9s %9s %13s %13s %9s %7s %11s %13s%n", "producers", "path", "accepted/s",
                "202 p50", "202 p99", "delivered/s", "delivery p50", "p99", "failed", "undelivered", "mesh CPU/event");
        for (Row row : rows) {
            Measured measured = row.measured();
            EventLoad.Run run = measured.run();
            System.out.printf("%-9d %-8s %,12.0f %6.2f ms %6.2f ms %,13.0f %10.2f ms %6.2f ms %7d %11d %10.1f us%n",
                    row.producers(), row.path(), run.accepted() / (run.wallNanos() / 1e9),
                    run.acks().percentileMillis(50), run.acks().percentileMillis(99),
                    measured.delivery().count() / (Math.max(1, measured.deliveredWallNanos()) / 1e9),
                    measured.delivery().percentileMillis(50), measured.delivery().percentileMillis(99), run.failed(),
                    measured.undelivered(), measured.meshCpu().toNanos() / 1e3 / Math.max(1, run.accepted()));
        }
        System.out.println("\naccepted/s: 202s over the run's wall time; delivered/s: deliveries over first post -> "
                + "last delivery; delivery: post -> the subscriber has the event (for direct, the same request); mesh "
                + "CPU/event: the mesh JVM's CPU time (user + system) over the run and its deliveries, per accepted "
                + "event (for direct, the idle mesh's)");
        System.out.printf("event mesh RSS at the end: %.0f MiB%n", meshRss);
    }
}

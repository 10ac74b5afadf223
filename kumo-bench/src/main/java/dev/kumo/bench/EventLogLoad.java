package dev.kumo.bench;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.log.Encoded;
import dev.kumo.eventing.log.EventLog;
import dev.kumo.eventing.log.Retention;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The event log alone, without HTTP: {@code producers} threads each append an event (fsync on) and wait for it to be
 * durable, in a closed loop, for {@code seconds}; prints appends/s, commits (syncs), events per commit and the
 * append's p50/p99. What the 202 waits for, apart from the network and the CPU the rest of the mesh takes. Usage:
 * {@code EventLogLoad DIR [seconds=5] [producers=8]}; DIR on the data directory's filesystem, its log deleted after.
 */
public final class EventLogLoad {

    private EventLogLoad() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: EventLogLoad DIR [seconds=5] [producers=8]");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory(Files.createDirectories(Path.of(args[0])), "event-log-load");
        Duration run = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 5);
        int producers = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        String load = LoadAverage.now();
        BrokerRef broker = new BrokerRef("default", "b");
        Encoded event = Encoded.of(event());
        try (EventLog log = EventLog.open(dir.resolve("events.db"), true, new Retention(Duration.ofHours(1),
                10_000_000), Clock.systemUTC())) {
            long commitsBefore = log.commits();
            long deadline = System.nanoTime() + run.toNanos();
            List<Future<long[]>> results = new ArrayList<>();
            try (ExecutorService threads = Executors.newFixedThreadPool(producers)) {
                for (int p = 0; p < producers; p++) {
                    results.add(threads.submit(() -> {
                        long[] nanos = new long[1 << 20];
                        int n = 0;
                        while (System.nanoTime() < deadline && n < nanos.length) {
                            long start = System.nanoTime();
                            log.append(broker, event, Clock.systemUTC().instant()).get();
                            nanos[n++] = System.nanoTime() - start;
                        }
                        return Arrays.copyOf(nanos, n);
                    }));
                }
            }
            long[] all = results.stream().map(EventLogLoad::join).flatMapToLong(Arrays::stream).sorted().toArray();
            long commits = log.commits() - commitsBefore;
            System.out.printf("load %s -> %s; %d producers, %d s: %,.0f appends/s, %,d commits (%.1f events each),"
                    + " append p50 %.0f µs p99 %.0f µs%n", load, LoadAverage.now(), producers, run.toSeconds(),
                    all.length / (double) run.toSeconds(), commits, all.length / (double) Math.max(1, commits),
                    all[all.length / 2] / 1e3, all[(int) (all.length * 0.99)] / 1e3);
        } finally {
            delete(dir);
        }
    }

    private static CloudEvent event() {
        return CloudEventBuilder.v1().withId("load").withType("bench").withSource(URI.create("/bench"))
                .withData("application/json", "{\"bench\":\"a ~30-byte body\"}".getBytes(StandardCharsets.UTF_8))
                .build();
    }

    private static long[] join(Future<long[]> result) {
        try {
            return result.get();
        } catch (Exception e) {
            throw new IllegalStateException("a producer failed: " + e, e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
        Files.delete(dir);
    }
}

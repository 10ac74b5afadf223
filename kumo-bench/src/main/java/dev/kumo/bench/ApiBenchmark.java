package dev.kumo.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * The API benchmark: start-to-ready time, idle RSS, and create / get / list / watch through the HTTP API for N
 * Services, against the durable SQLite store and, as the baseline in the same run, the in-memory store.
 * Usage: {@code ApiBenchmark [services] [clients]}.
 */
public final class ApiBenchmark {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final int LISTS = 20;

    private final int services;
    private final int clients;
    /** The server of the current run and a client trusting its certificate. */
    private ServerUnderTest server;
    private HttpClient http;

    private ApiBenchmark(int services, int clients) {
        this.services = services;
        this.clients = clients;
    }

    public static void main(String[] args) throws Exception {
        int services = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        ApiBenchmark benchmark = new ApiBenchmark(services, clients);
        Map<String, String> sqlite = benchmark.run("sqlite");
        Map<String, String> memory = benchmark.run("memory");
        System.out.printf("%nKumo API benchmark (kumo server --no-serving: API server and store): %,d Services, "
                + "%d concurrent clients, %d cores, java %s%n", services,
                clients, Runtime.getRuntime().availableProcessors(), Runtime.version());
        System.out.printf("%-28s %-44s %-44s%n", "", "sqlite (durable, synchronous=FULL)", "memory (baseline)");
        for (String key : sqlite.keySet()) {
            System.out.printf("%-28s %-44s %-44s%n", key, sqlite.get(key), memory.get(key));
        }
    }

    private Map<String, String> run(String store) throws Exception {
        Map<String, String> results = new LinkedHashMap<>();
        Path dataDir = Files.createTempDirectory("kumo-bench-" + store);
        // The API and the store alone: with Serving on, every Service would also start the controllers' work.
        try (ServerUnderTest server = ServerUnderTest.start(store, dataDir, false)) {
            this.server = server;
            this.http = server.http();
            results.put("start -> ready (wall)", server.startToReadyMillis + " ms");
            results.put("start -> ready (server)", server.reportedReady.replace("kumo: ready in ", "")
                    .replace("; stop with Ctrl-C", ""));
            Thread.sleep(2000); // let start-up work settle before reading the idle footprint
            results.put("idle RSS", String.format("%.0f MiB", server.rssMiB()));
            String base = server.url + SERVICES;

            Latencies create = new Latencies(services);
            long wall = parallel(services, i -> timed(create, () -> send(server.request(base)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(service("svc-" + i))), 201)));
            results.put("create", create.summary(wall));

            Latencies get = new Latencies(services);
            wall = parallel(services, i -> timed(get, () -> send(server.request(
                    (base + "/svc-" + i)).GET(), 200)));
            results.put("get", get.summary(wall));

            Latencies list = new Latencies(LISTS);
            wall = parallel(LISTS, i -> timed(list, () -> send(server.request(base).GET(), 200)));
            results.put("list (all " + services + ")", list.summary(wall));

            int watched = Math.min(services, 2_000);
            Latencies watch = new Latencies(watched);
            wall = watch(base, watched, watch);
            results.put("watch (create -> event)", watch.summary(wall));
            results.put("RSS after load", String.format("%.0f MiB", server.rssMiB()));
        } finally {
            TempDir.deleteRecursively(dataDir);
        }
        return results;
    }

    /** Opens a watch, creates objects, and times each from its request to its ADDED event. */
    private long watch(String base, int count, Latencies latencies) throws Exception {
        String rv = com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .readTree(send(server.request(base + "?fieldSelector=metadata.name%3Dnone")
                        .GET(), 200)).at("/metadata/resourceVersion").asText();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        CountDownLatch received = new CountDownLatch(count);
        HttpResponse<java.io.InputStream> stream = http.send(server.request(
                (base + "?watch=true&resourceVersion=" + rv)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(stream.body(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    int at = line.indexOf("\"name\":\"w-");
                    if (at >= 0) {
                        String name = line.substring(at + 8, line.indexOf('"', at + 8));
                        Long start = sent.remove(name);
                        if (start != null) {
                            latencies.record(System.nanoTime() - start);
                            received.countDown();
                        }
                    }
                }
            } catch (java.io.IOException e) {
                // Closed at the end of the run.
            }
        });
        long started = System.nanoTime();
        parallel(count, i -> {
            sent.put("w-" + i, System.nanoTime());
            send(server.request(base).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(service("w-" + i))), 201);
        });
        if (!received.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("watch delivered " + (count - received.getCount()) + " of " + count);
        }
        long wall = System.nanoTime() - started;
        stream.body().close();
        reader.interrupt();
        return wall;
    }

    /** Runs {@code count} operations spread over the clients; returns the wall time in nanoseconds. */
    private long parallel(int count, IntConsumer operation) throws InterruptedException {
        long started = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                pool.execute(() -> {
                    for (int i = client; i < count; i += clients) {
                        operation.accept(i);
                    }
                });
            }
        }
        return System.nanoTime() - started;
    }

    private static void timed(Latencies latencies, Runnable operation) {
        long start = System.nanoTime();
        operation.run();
        latencies.record(System.nanoTime() - start);
    }

    private String send(HttpRequest.Builder request, int expected) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String service(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\",\"labels\":{\"app\":\"bench\"}},\"spec\":{\"template\":{\"spec\":{\"containers\":"
                + "[{\"image\":\"ghcr.io/knative/helloworld-go:latest\",\"env\":[{\"name\":\"TARGET\","
                + "\"value\":\"bench\"}]}]}}}}";
    }
}

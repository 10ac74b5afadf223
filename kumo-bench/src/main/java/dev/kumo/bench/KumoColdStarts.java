package dev.kumo.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold starts through a running Kumo server: Services created at zero (initial-scale 0) over the API, each called
 * once through the router (request → response timed), with Kumo's own split of each cold start read from /metrics.
 */
final class KumoColdStarts {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);

    private final ServerUnderTest server;
    private final HttpClient http;
    private final ColdStartStages stages = new ColdStartStages();

    KumoColdStarts(ServerUnderTest server) {
        this.server = server;
        this.http = server.http();
    }

    /** The client's side of each cold start, for {@link ColdStartStages}. */
    ColdStartStages stages() {
        return stages;
    }

    /** The server's log (its stages, with {@code KUMO_COLDSTART_LOG=DEBUG}). */
    java.nio.file.Path serverLog() {
        return server.log();
    }

    /** One cold start: the client's request → response, and Kumo's split of it (seconds, from /metrics). */
    record Sample(long requestNanos, Split split) {
    }

    /** A revision's cold-start meters as /metrics had them: sums in seconds and the cold starts counted. */
    record Split(double coldStart, double workload, double platform, double count) {

        Split minus(Split before) {
            return new Split(coldStart - before.coldStart, workload - before.workload, platform - before.platform,
                    count - before.count);
        }
    }

    /** Creates {@code count} Services at zero running {@code variant}, calls them all at once, deletes them. */
    List<Sample> together(ColdStartVariant variant, String prefix, int count) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add(prefix + "-" + i);
            create(names.getLast(), variant.serviceAtZero().apply(names.getLast()));
        }
        try {
            for (String name : names) {
                awaitReady(name);
            }
            variant.atZero().await(names.stream().map(name -> name + "-00001").toList());
            List<Long> nanos = new ArrayList<>();
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<Long>> answers = new ArrayList<>();
                for (String name : names) {
                    answers.add(clients.submit(() -> {
                        go.await();
                        return firstResponse(name);
                    }));
                }
                go.countDown();
                for (Future<Long> answer : answers) {
                    nanos.add(answer.get());
                }
            }
            String metrics = metrics();
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                samples.add(new Sample(nanos.get(i), split(metrics, names.get(i) + "-00001")));
            }
            return samples;
        } finally {
            for (String name : names) {
                delete(name);
            }
        }
    }

    /**
     * {@code count} cold starts of one Service created at zero: a first request (not counted: for a workload that
     * prepares something on its first instance, such as an AOT cache), then each counted request after the revision
     * is back at zero with no process of it left (the autoscaler's short windows bring it there).
     */
    List<Sample> cycles(BenchWorkload workload, String name, int count) throws Exception {
        create(name, workload.service(name, true));
        String revision = name + "-00001";
        try {
            awaitReady(name);
            firstResponse(name);
            awaitGone(revision);
            List<Sample> samples = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                Split before = split(metrics(), revision);
                long nanos = firstResponse(name);
                samples.add(new Sample(nanos, split(metrics(), revision).minus(before)));
                awaitGone(revision);
            }
            return samples;
        } finally {
            delete(name);
        }
    }

    /** Waits until {@code revision} has no instance and no process whose command line names it. */
    private void awaitGone(String revision) throws IOException, InterruptedException {
        String uri = server.url + REVISIONS + "/" + revision;
        Pattern atZero = Pattern.compile("\"actualReplicas\"\\s*:\\s*0\\b");
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            String body = http.send(server.request(uri).build(), HttpResponse.BodyHandlers.ofString()).body();
            if (atZero.matcher(body).find() && ProcessHandle.allProcesses().noneMatch(p -> p.info().arguments()
                    .map(args -> String.join(" ", args).contains("/" + revision + "/")).orElse(false))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("revision " + revision + " did not scale to zero within 120 s");
    }

    /** Times one request through the router to Service {@code name}, asserting 200. */
    long firstResponse(String name) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort + "/"))
                .header("Host", name + ".default.localhost").timeout(RESPONSE_TIMEOUT).GET().build();
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        long answered = System.nanoTime();
        long elapsed = answered - started;
        stages.client("default/" + name + "-00001", started, answered);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Service " + name + " answered " + response.statusCode() + ": "
                    + response.body().strip());
        }
        return elapsed;
    }

    void create(String name, String body) throws IOException, InterruptedException {
        HttpResponse<String> created = http.send(server.request(server.url + SERVICES)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new IllegalStateException("creating Service " + name + ": " + created.statusCode() + " "
                    + created.body());
        }
    }

    /** Waits until Service {@code name} is Ready=True (at zero that means routed, with no instance). */
    void awaitReady(String name) throws IOException, InterruptedException {
        Pattern ready = Pattern.compile("\"type\"\\s*:\\s*\"Ready\"\\s*,\\s*\"status\"\\s*:\\s*\"True\"|"
                + "\"status\"\\s*:\\s*\"True\"\\s*,\\s*\"type\"\\s*:\\s*\"Ready\"");
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            last = http.send(server.request(server.url + SERVICES + "/" + name).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            int status = last.indexOf("\"status\":{");
            if (status >= 0 && ready.matcher(last.substring(status)).find()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("Service " + name + " not Ready within " + READY_TIMEOUT + ": " + last);
    }

    void delete(String name) throws IOException, InterruptedException {
        http.send(server.request(server.url + SERVICES + "/" + name).DELETE().build(),
                HttpResponse.BodyHandlers.discarding());
    }

    String metrics() throws IOException, InterruptedException {
        return http.send(server.request(server.url + "/metrics").build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Revision {@code revision}'s cold-start meters in a scrape (zeros for meters not there). */
    static Split split(String metrics, String revision) {
        return new Split(value(metrics, "kumo_cold_start_seconds_sum", revision),
                value(metrics, "kumo_workload_start_seconds_sum", revision),
                value(metrics, "kumo_cold_start_platform_seconds_sum", revision),
                value(metrics, "kumo_cold_start_seconds_count", revision));
    }

    private static double value(String metrics, String name, String revision) {
        // Any other labels (service, configuration) around namespace and revision.
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{(?:[^}]*,)?namespace=\"default\","
                + "revision=\"" + Pattern.quote(revision) + "\"(?:,[^}]*)?\\} (\\S+)$").matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}

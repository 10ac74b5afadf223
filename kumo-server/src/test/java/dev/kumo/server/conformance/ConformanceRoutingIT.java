package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Knative's conformance for the request path: traffic splits, tags, the revision timeout, containerConcurrency. */
class ConformanceRoutingIT {

    private static final int SPLIT_REQUESTS = 200;

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    /** TestServiceWithTrafficSplit: 50/50 over two named revisions, each side at least 25% of 200 requests. */
    @Test
    void trafficSplitsOverTwoNamedRevisions() {
        ObjectNode service = Workloads.env(Workloads.service("split"), "TARGET", "one");
        Workloads.template(service).putObject("metadata").put("name", "split-one");
        kumo.create(SERVICES, service);
        kumo.awaitReady("split");

        kumo.mergePatch(SERVICES + "/split", Kumo.object("""
                {"spec":{"template":{"metadata":{"name":"split-two"},"spec":{"containers":[{"command":["python3","-u"],
                "args":["echo.py"],"workingDir":"%s","env":[{"name":"TARGET","value":"two"}]}]}},
                "traffic":[{"revisionName":"split-one","percent":50},{"revisionName":"split-two","percent":50}]}}
                """.formatted(Workloads.ECHO.getParent())));
        JsonNode ready = awaitTraffic("split", 2);
        assertThat(ready.at("/status/latestReadyRevisionName").asText()).isEqualTo("split-two");

        Map<String, Integer> counts = count("split", SPLIT_REQUESTS);
        assertThat(counts.keySet()).containsExactlyInAnyOrder("Hello one! (split-one)\n", "Hello two! (split-two)\n");
        assertThat(counts.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(SPLIT_REQUESTS / 4));
    }

    /** TestBlueGreenRoute: each tag's URL gets all of its revision while the main URL follows the split. */
    @Test
    void tagsServeTheirRevisionWhileTheMainHostSplits() {
        kumo.create(SERVICES, Workloads.env(Workloads.service("bg"), "TARGET", "blue"));
        kumo.awaitReady("bg");
        kumo.mergePatch(SERVICES + "/bg", Kumo.object("""
                {"spec":{"template":{"spec":{"containers":[{"command":["python3","-u"],"args":["echo.py"],
                "workingDir":"%s","env":[{"name":"TARGET","value":"green"}]}]}},
                "traffic":[{"revisionName":"bg-00001","tag":"blue","percent":50},
                           {"revisionName":"bg-00002","tag":"green","percent":50}]}}
                """.formatted(Workloads.ECHO.getParent())));
        JsonNode ready = awaitTraffic("bg", 2);
        List<String> urls = new ArrayList<>();
        ready.at("/status/traffic").forEach(t -> urls.add(t.path("tag").asText() + " " + t.path("url").asText()));
        assertThat(urls).containsExactlyInAnyOrder(
                "blue http://blue-bg.default.localhost:" + kumo.ingressPort(),
                "green http://green-bg.default.localhost:" + kumo.ingressPort());

        assertThat(count("blue-bg", 20)).containsOnlyKeys("Hello blue! (bg-00001)\n");
        assertThat(count("green-bg", 20)).containsOnlyKeys("Hello green! (bg-00002)\n");
        Map<String, Integer> main = count("bg", SPLIT_REQUESTS);
        assertThat(main.keySet()).containsExactlyInAnyOrder("Hello blue! (bg-00001)\n", "Hello green! (bg-00002)\n");
        assertThat(main.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(SPLIT_REQUESTS / 4));
    }

    /** TestRevisionTimeout: no first byte within timeoutSeconds is a 504; a response inside it is a 200. */
    @Test
    void theRevisionTimeoutBoundsTheFirstByte() {
        ObjectNode service = Workloads.service("slow");
        ((ObjectNode) Workloads.template(service).get("spec")).put("timeoutSeconds", 2);
        kumo.create(SERVICES, service);
        kumo.awaitReady("slow");

        assertThat(kumo.call("slow", "/?sleep=500").statusCode()).isEqualTo(200);
        assertThat(kumo.call("slow", "/?sleep=3500").statusCode()).isEqualTo(504);
    }

    /** TestSingleConcurrency: with containerConcurrency 1 the workload never sees two requests at once. */
    @Test
    void containerConcurrencyOneIsNeverExceeded() throws Exception {
        ObjectNode service = Workloads.service("single");
        ((ObjectNode) Workloads.template(service).get("spec")).put("containerConcurrency", 1);
        // One instance, so that its own count of concurrent requests is the whole story (the autoscaler would
        // otherwise add instances for 10 clients at a target of 0.7 each).
        Workloads.template(service).putObject("metadata").putObject("annotations")
                .put("autoscaling.knative.dev/max-scale", "1");
        kumo.create(SERVICES, service);
        kumo.awaitReady("single");

        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService clients = Executors.newFixedThreadPool(10)) {
            List<Future<HttpResponse<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(clients.submit(() -> kumo.call("single", "/?sleep=200")));
            }
            for (Future<HttpResponse<String>> call : calls) {
                statuses.add(call.get(60, TimeUnit.SECONDS).statusCode());
            }
        }
        assertThat(statuses).containsOnly(200).hasSize(10);
        assertThat(kumo.callJson("single", "/concurrency").path("max").asInt()).isEqualTo(1);
    }

    /** Waits until the Service is Ready with {@code targets} traffic targets in its status. */
    private static JsonNode awaitTraffic(String name, int targets) {
        return await(name + " traffic on " + targets + " targets").atMost(Kumo.SETTLE)
                .until(() -> kumo.awaitReady(name), s -> s.at("/status/traffic").size() == targets);
    }

    /** Calls the host's {@code /} {@code n} times; every answer must be a 200; counts the bodies. */
    private static Map<String, Integer> count(String name, int n) {
        Map<String, Integer> counts = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            HttpResponse<String> response = kumo.call(name, "/");
            assertThat(response.statusCode()).as("request %d to %s: %s", i, name, response.body()).isEqualTo(200);
            counts.merge(response.body(), 1, Integer::sum);
        }
        return counts;
    }
}

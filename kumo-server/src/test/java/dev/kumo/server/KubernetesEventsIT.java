package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.events.EventTimes;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kubernetes Events with the real kubectl and process workloads: what a Service going Ready records, {@code get
 * events -w}, field selectors, {@code describe ksvc}, a crash loop aggregated into one BackOff Event whose count
 * grows, scale to zero, the same Events read as {@code events.k8s.io/v1}, Events users create, and failed
 * deliveries on their Trigger or channel Subscription.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KubernetesEventsIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;
    private static Process watch;
    private static Path watchOut;
    private static String serviceUid = "";
    private static String deadLetterSink = "";

    @BeforeAll
    static void start() throws IOException {
        server = KumoServer.start(TestServers.config(temp.resolve("data")).withAutoscaler(AutoscalerConfig.parse(
                Map.of("stable-window", "6s", "scale-to-zero-grace-period", "1s"))));
        kubectl = new Kubectl(server, temp);
        watchOut = temp.resolve("watch.txt");
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(ApiAccess.of(server).kubectlFlags());
        command.addAll(List.of("get", "events", "-w"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(watchOut.toFile())
                .redirectError(temp.resolve("watch-err.txt").toFile());
        builder.environment().put("HOME", temp.toString());
        builder.environment().put("KUBECONFIG", temp.resolve("kubeconfig").toString());
        watch = builder.start();
    }

    @AfterAll
    static void stop() {
        if (watch != null) {
            watch.destroyForcibly();
        }
        server.close();
    }

    @Test
    @Order(1)
    void aServiceBecomingReadyShowsItsEventsAndTheWatchSeesThem() throws IOException {
        assertOk(kubectl.run("apply", "-f", manifest("hello.yaml")), "service.serving.knative.dev/hello created");
        assertOk(kubectl.run("wait", "--for=condition=Ready", "ksvc/hello", "--timeout=60s"), "condition met");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Kubectl.Result events = kubectl.run("get", "events");
            assertOk(events, "RevisionReady");
            assertThat(events.out().lines().findFirst().orElseThrow())
                    .containsSubsequence("LAST SEEN", "TYPE", "REASON", "OBJECT", "MESSAGE");
            assertThat(events.out()).contains("service/hello", "Created Configuration \"hello\"",
                    "Created Route \"hello\"", "configuration/hello", "Created Revision \"hello-00001\"",
                    "revision/hello-00001", "Revision becomes ready upon all resources being ready",
                    "Started instance");
        });
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                Files.readString(watchOut, StandardCharsets.UTF_8)).contains("LAST SEEN", "Created",
                "RevisionReady", "revision/hello-00001"));
    }

    @Test
    @Order(2)
    void fieldSelectorsPickTheObjectsEvents() {
        Kubectl.Result revision = kubectl.run("get", "events", "--field-selector",
                "involvedObject.name=hello-00001,involvedObject.kind=Revision", "-o",
                "jsonpath={.items[*].reason}");
        assertOk(revision, "RevisionReady");
        assertThat(revision.out()).doesNotContain("Created");
        Kubectl.Result service = kubectl.run("get", "events", "--field-selector",
                "involvedObject.kind=Service,reason=Created,type=Normal", "-o", "jsonpath={.items[*].message}");
        assertOk(service, "Created Route \"hello\"");
        assertThat(service.out()).doesNotContain("Revision");
        Kubectl.Result warnings = kubectl.run("get", "events", "--field-selector", "type!=Normal", "-o", "name");
        assertThat(warnings.exitCode()).isZero();
        assertThat(warnings.out()).isBlank();
        Kubectl.Result unknown = kubectl.run("get", "events", "--field-selector", "spec.nothing=x");
        assertThat(unknown.exitCode()).isNotZero();
        assertThat(unknown.err()).contains("field label not supported: spec.nothing");
    }

    @Test
    @Order(3)
    void describeKsvcListsItsEvents() {
        Kubectl.Result described = kubectl.run("describe", "ksvc", "hello", "-v=8");
        assertOk(described, "Events:");
        assertThat(described.out()).contains("Created Configuration \"hello\"", "Created Route \"hello\"");
        // kubectl 1.32 selects the Events by the object's kind, name, namespace and uid (in a Go map's order).
        assertThat(described.err()).contains("fieldSelector=involvedObject.", "involvedObject.name%3Dhello",
                "involvedObject.uid%3D");
    }

    @Test
    @Order(3)
    void kumoServiceDescribePrintsTheRecentEvents() {
        InProcessCli.Result described = new InProcessCli(temp.resolve("cli-home"), temp.resolve("data"))
                .run("service", "describe", "hello");
        assertThat(described.exitCode()).as(described.err()).isZero();
        assertThat(described.out()).contains("Events:", "TYPE", "REASON", "service/hello",
                "Created Configuration \"hello\"", "revision/hello-00001", "RevisionReady");
    }

    @Test
    @Order(4)
    void theSameEventReadAsEventsK8sIoV1() {
        JsonNode core = json(kubectl.run("get", "events", "--field-selector", "involvedObject.kind=Revision,"
                + "reason=RevisionReady", "-o", "json")).path("items").get(0);
        String name = core.path("metadata").path("name").asText();
        JsonNode v1 = json(kubectl.run("get", "events.v1.events.k8s.io", name, "-o", "json"));
        assertThat(v1.path("apiVersion").asText()).isEqualTo("events.k8s.io/v1");
        assertThat(v1.path("regarding")).isEqualTo(core.path("involvedObject"));
        assertThat(v1.path("note").asText()).isEqualTo(core.path("message").asText());
        assertThat(v1.path("reason").asText()).isEqualTo("RevisionReady");
        assertThat(v1.path("type").asText()).isEqualTo("Normal");
        assertThat(v1.path("reportingController").asText()).isEqualTo(core.path("source").path("component").asText())
                .isNotEmpty();
        assertThat(v1.path("eventTime").asText()).isNotEmpty();
        assertThat(v1.path("metadata").path("uid")).isEqualTo(core.path("metadata").path("uid"));
        assertOk(kubectl.run("get", "events.events.k8s.io"), "RevisionReady");
    }

    @Test
    @Order(5)
    void scaleToZeroIsRecorded() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertOk(kubectl.run("get", "events",
                "--field-selector", "involvedObject.name=hello-00001,reason=ScaledToZero", "-o",
                "jsonpath={.items[*].message}"), "Scaled to zero"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertOk(kubectl.run("get", "events",
                "--field-selector", "involvedObject.name=hello-00001,reason=Killing", "-o",
                "jsonpath={.items[*].message}"), "Stopping instance"));
    }

    @Test
    @Order(6)
    void aCrashingWorkloadIsOneBackOffEventWhoseCountGrows() {
        assertOk(kubectl.run("apply", "-f", manifest("events/crashing.yaml")),
                "service.serving.knative.dev/crashing created");
        String[] selector = {"get", "events", "--field-selector",
                "involvedObject.name=crashing-00001,reason=BackOff", "-o", "json"};
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode items = json(kubectl.run(selector)).path("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).path("count").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(items.get(0).path("type").asText()).isEqualTo("Warning");
            assertThat(items.get(0).path("message").asText()).contains("exit code 3", "last log line: boom");
        });
        int count = json(kubectl.run(selector)).path("items").get(0).path("count").asInt();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode items = json(kubectl.run(selector)).path("items");
            assertThat(items).hasSize(1);
            assertThat(items.get(0).path("count").asInt()).isGreaterThan(count);
            assertThat(Instant.parse(items.get(0).path("lastTimestamp").asText()))
                    .isAfter(Instant.parse(items.get(0).path("firstTimestamp").asText()));
        });
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertOk(kubectl.run("get", "events",
                "--field-selector", "involvedObject.name=crashing-00001,type=Warning"), "RevisionFailed"));
    }

    @Test
    @Order(7)
    void usersCreateEventsInEitherVersionAndReadThemInTheOther() {
        assertOk(kubectl.run("create", "-f", manifest("events/core-event.yaml")), "event/hand-made created");
        JsonNode asV1 = json(kubectl.run("get", "events.v1.events.k8s.io", "hand-made", "-o", "json"));
        assertThat(asV1.path("note").asText()).isEqualTo("deployed by the release pipeline");
        assertThat(asV1.path("regarding").path("name").asText()).isEqualTo("hello");
        assertThat(asV1.path("series").path("count").asInt()).isEqualTo(3);
        assertThat(asV1.path("deprecatedCount").asInt()).isEqualTo(3);
        assertThat(asV1.path("reportingController").asText()).isEqualTo("release-pipeline");

        // kubectl describe selects an object's Events by its uid too: this one names the Service's.
        serviceUid = kubectl.run("get", "ksvc", "hello", "-o", "jsonpath={.metadata.uid}").out().trim();
        assertOk(kubectl.run("create", "-f", manifest("events/events-v1-event.yaml")),
                "event.events.k8s.io/newer-form created");
        JsonNode asCore = json(kubectl.run("get", "events", "newer-form", "-o", "json"));
        assertThat(asCore.path("message").asText()).isEqualTo("checked by the newer API");
        assertThat(asCore.path("involvedObject").path("name").asText()).isEqualTo("hello");
        assertThat(asCore.path("count").asInt()).isEqualTo(4);
        assertThat(asCore.path("source").path("component").asText()).isEqualTo("example.com/checker");
        assertThat(asCore.path("lastTimestamp").asText()).isNotEmpty();
        assertOk(kubectl.run("describe", "ksvc", "hello"), "checked by the newer API");
    }

    @Test
    @Order(8)
    void deliveriesThatFailAfterRetriesAreRecordedOnTheirTrigger() throws Exception {
        com.sun.net.httpserver.HttpServer sink = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        java.util.concurrent.atomic.AtomicInteger deadLetters = new java.util.concurrent.atomic.AtomicInteger();
        sink.createContext("/", exchange -> {
            deadLetters.incrementAndGet();
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sink.start();
        try {
            deadLetterSink = "http://127.0.0.1:" + sink.getAddress().getPort() + "/";
            assertOk(kubectl.run("apply", "-f", manifest("events/failing-triggers.yaml")),
                    "trigger.eventing.knative.dev/dropping created");
            assertOk(kubectl.run("wait", "--for=condition=Ready", "triggers/to-dead-letters", "triggers/dropping",
                    "--timeout=60s"), "condition met");
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                java.net.http.HttpResponse<String> accepted = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + server.eventingPort() + "/default/default"))
                        .header("ce-specversion", "1.0").header("ce-id", "e" + i).header("ce-source", "/it")
                        .header("ce-type", "it.failing").header("content-type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode dead = json(kubectl.run("get", "events", "--field-selector",
                        "involvedObject.kind=Trigger,involvedObject.name=to-dead-letters", "-o", "json"));
                assertThat(dead.path("items")).singleElement().satisfies(event -> {
                    assertThat(event.path("reason").asText()).isEqualTo("DeadLettered");
                    assertThat(event.path("type").asText()).isEqualTo("Warning");
                    assertThat(event.path("count").asInt()).isEqualTo(2);
                    assertThat(event.path("message").asText()).contains(deadLetterSink);
                });
                JsonNode dropped = json(kubectl.run("get", "events", "--field-selector",
                        "involvedObject.name=dropping,reason=DeliveryFailed", "-o", "json"));
                assertThat(dropped.path("items")).singleElement().satisfies(event ->
                        assertThat(event.path("message").asText()).contains("no dead-letter sink is set"));
            });
            assertThat(deadLetters.get()).isEqualTo(2);
        } finally {
            sink.stop(0);
        }
    }

    @Test
    @Order(9)
    void channelDeliveriesThatFailAfterRetriesAreRecordedOnTheirSubscription() throws Exception {
        com.sun.net.httpserver.HttpServer sink = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        sink.createContext("/", exchange -> {
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        sink.start();
        try {
            deadLetterSink = "http://127.0.0.1:" + sink.getAddress().getPort() + "/";
            assertOk(kubectl.run("apply", "-f", manifest("events/failing-subscriptions.yaml")),
                    "subscription.messaging.knative.dev/sub-dropping created");
            assertOk(kubectl.run("wait", "--for=condition=Ready", "subscriptions/sub-to-dead-letters",
                    "subscriptions/sub-dropping", "--timeout=60s"), "condition met");
            String uid = json(kubectl.run("get", "subscriptions", "sub-to-dead-letters", "-o", "json"))
                    .path("metadata").path("uid").asText();
            java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
            for (int i = 0; i < 2; i++) {
                java.net.http.HttpResponse<String> accepted = http.send(java.net.http.HttpRequest.newBuilder(
                                java.net.URI.create("http://127.0.0.1:" + server.eventingPort()
                                        + "/channels/default/failing"))
                        .header("ce-specversion", "1.0").header("ce-id", "c" + i).header("ce-source", "/it")
                        .header("ce-type", "it.failing").header("content-type", "text/plain")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).isEqualTo(202);
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode dead = json(kubectl.run("get", "events", "--field-selector",
                        "involvedObject.kind=Subscription,involvedObject.name=sub-to-dead-letters", "-o", "json"));
                assertThat(dead.path("items")).singleElement().satisfies(event -> {
                    assertThat(event.path("reason").asText()).isEqualTo("DeadLettered");
                    assertThat(event.path("type").asText()).isEqualTo("Warning");
                    assertThat(event.path("count").asInt()).isEqualTo(2);
                    assertThat(event.path("involvedObject").path("uid").asText()).isEqualTo(uid);
                    assertThat(event.path("message").asText()).contains(deadLetterSink);
                });
                JsonNode dropped = json(kubectl.run("get", "events", "--field-selector",
                        "involvedObject.name=sub-dropping,reason=DeliveryFailed", "-o", "json"));
                assertThat(dropped.path("items")).singleElement().satisfies(event ->
                        assertThat(event.path("message").asText()).contains("no dead-letter sink is set"));
            });
            assertOk(kubectl.run("describe", "subscription", "sub-to-dead-letters"), "DeadLettered");
        } finally {
            sink.stop(0);
        }
    }

    private static JsonNode json(Kubectl.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Json.parseObject(result.out());
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains(expected);
    }

    private static String manifest(String name) {
        try {
            Path sample = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
            Instant now = Instant.now();
            String text = Files.readString(Path.of(KubernetesEventsIT.class.getResource("/manifests/" + name)
                    .toURI())).replace("${SAMPLE}", sample.toString()).replace("${SERVICE_UID}", serviceUid)
                    .replace("${DEAD_LETTER_SINK}", deadLetterSink)
                    .replace("${NOW_MICRO}", EventTimes.micro(now)).replace("${NOW}", EventTimes.seconds(now));
            Path file = temp.resolve(name.replace('/', '-'));
            Files.writeString(file, text);
            return file.toString();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.kumo.server;

import static dev.kumo.server.EventingIT.EVENTING;
import static dev.kumo.server.EventingIT.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metering end to end (issue #17) in a real server with a host-process Service: an event delivered by a Trigger, N
 * requests after a scale to zero (one cold start), the counters on {@code /metrics}; then the server restarts and
 * {@code kumo usage -o json} still shows every request, the instance time, the cold start and the delivery.
 */
class UsageIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final int REQUESTS = 5;
    private static final String PODS = "/api/v1/namespaces/default/pods?labelSelector="
            + "serving.knative.dev%2Fservice%3Dmetered";
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path temp;

    private static ServerConfig config;
    private static KumoServer server;

    @BeforeAll
    static void start() {
        // Scales to zero within seconds: a 6 s stable window and a 1 s grace period.
        config = TestServers.config(temp.resolve("data")).withAutoscaler(AutoscalerConfig.parse(
                Map.of("stable-window", "6s", "scale-to-zero-grace-period", "1s")));
        server = KumoServer.start(config);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /**
     * The instance that served shown as a Pod (written a moment after its start), then gone: a Pod list alone is
     * empty also before the Pod of a running instance is written.
     */
    private static void awaitScaledToZero(TestApi api) {
        await("the serving instance shown as a Pod").atMost(SETTLE).until(() -> !api.get(PODS).path("items")
                .isEmpty());
        await("scaled to zero").atMost(SETTLE).until(() -> api.get(PODS).path("items").isEmpty());
    }

    @Test
    void requestsInstanceTimeColdStartsAndDeliveriesAreMeteredAndOutliveARestart() throws Exception {
        TestApi api = new TestApi(server);
        api.create(SERVICES, "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":"
                + "\"metered\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
                + "\"autoscaling.knative.dev/window\":\"6s\"}},\"spec\":{\"containers\":[{\"command\":[\"python3\"],"
                + "\"args\":[\"app.py\"],\"workingDir\":\"" + SAMPLE + "\"}]}}}}");
        api.create(EVENTING + "brokers", EventingIT.broker("metering"));
        api.create(EVENTING + "triggers", EventingIT.trigger("to-metered", "metering", "{\"ref\":{\"apiVersion\":"
                + "\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"metered\"}}", null));
        api.awaitCondition(SERVICES + "/metered", "Ready", "True");
        String broker = api.awaitCondition(EVENTING + "brokers/metering", "Ready", "True")
                .at("/status/address/url").asText();
        api.awaitCondition(EVENTING + "triggers/to-metered", "Ready", "True");

        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(broker))
                .header("ce-specversion", "1.0").header("ce-id", "metered-1").header("ce-type", "dev.kumo.metered")
                .header("ce-source", "/usage-it").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("one event")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        await("the event delivered").atMost(SETTLE).until(() -> server.eventingPlatform().counters().delivered() >= 1);
        awaitScaledToZero(api);

        Ingress ingress = new Ingress(server);
        assertThat(ingress.tally("metered.default.localhost", "/", REQUESTS).values()).containsExactly(REQUESTS);
        await("the requests counted on /metrics").atMost(SETTLE).untilAsserted(() -> assertThat(metrics(api))
                .contains("kumo_usage_requests_total{namespace=\"default\",revision=\"metered-00001\","
                        + "service=\"metered\"} " + (REQUESTS + 1) + ".0")
                .contains("kumo_usage_cold_starts_total{namespace=\"default\",revision=\"metered-00001\","
                        + "service=\"metered\"} ")
                .contains("kumo_usage_instance_seconds_total{namespace=\"default\",revision=\"metered-00001\"")
                .contains("kumo_usage_cpu_seconds_total{"));
        awaitScaledToZero(api);

        server.close();
        server = KumoServer.start(config);

        assertThat(temp.resolve("data").resolve("usage.db")).isRegularFile();
        for (String file : new String[] {"usage.db", "usage.db-wal", "usage.db-shm"}) {
            Path written = temp.resolve("data").resolve(file);
            if (Files.exists(written)) {
                assertThat(Files.getPosixFilePermissions(written)).as(file)
                        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
            }
        }
        InProcessCli cli = new InProcessCli(temp.resolve("cli-home"), temp.resolve("data"));
        InProcessCli.Result shown = cli.run("usage", "--since", "1h", "-o", "json");
        assertThat(shown.exitCode()).as(shown.err()).isZero();
        JsonNode summary = Json.parseObject(shown.out());
        JsonNode metered = StreamSupport.stream(summary.path("items").spliterator(), false)
                .filter(item -> item.path("service").asText().equals("metered")).findFirst().orElseThrow();
        // The N requests and the event's delivery, which reached the Service through the router too.
        assertThat(metered.path("requests").asLong()).isEqualTo(REQUESTS + 1);
        assertThat(metered.path("eventsDelivered").asLong()).isEqualTo(1);
        assertThat(metered.path("coldStarts").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(metered.path("instanceSeconds").asDouble()).isGreaterThan(0);
        // No limits: the CPU time measured (the instance's cgroup, else its live processes).
        assertThat(metered.path("cpuSeconds").asDouble()).isGreaterThan(0);
        assertThat(metered.path("estimatedCost").asDouble()).isGreaterThan(0);

        InProcessCli.Result table = cli.run("usage", "--revisions");
        assertThat(table.out()).contains("SERVICE", "REVISION", "REQUESTS", "COLD-STARTS", "COST (USD)",
                "metered-00001", "TOTAL");
        InProcessCli.Result badSince = cli.run("usage", "--since", "yesterday");
        assertThat(badSince.exitCode()).isNotZero();
        assertThat(badSince.err()).contains("--since \"yesterday\" is not a duration", "24h");
        HttpResponse<String> badQuery = new TestApi(server).send("GET",
                "/apis/usage.kumo.dev/v1alpha1/namespaces/default/usage?since=forever", null, null);
        assertThat(badQuery.statusCode()).isEqualTo(400);
        assertThat(badQuery.body()).contains("since \\\"forever\\\" is not a duration");
    }

    private static String metrics(TestApi api) {
        return api.send("GET", "/metrics", null, null).body();
    }
}

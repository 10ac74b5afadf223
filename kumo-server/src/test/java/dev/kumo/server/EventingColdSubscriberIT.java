package dev.kumo.server;

import static dev.kumo.server.EventingIT.EVENTING;
import static dev.kumo.server.EventingIT.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Trigger's subscriber that is a Kumo Service scaled to zero is woken by the delivery, like any request. */
class EventingColdSubscriberIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data"))
                .withAutoscaler(AutoscalerConfig.parse(Map.of("allow-zero-initial-scale", "true"))));
        api = new TestApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anEventWakesAServiceAtZero() throws Exception {
        ObjectNode service = Json.parseObject(EventingIT.service("sleeper"));
        ((ObjectNode) service.at("/spec/template")).putObject("metadata").putObject("annotations")
                .put("autoscaling.knative.dev/initial-scale", "0");
        api.create(SERVICES, Json.write(service));
        api.awaitCondition(SERVICES + "/sleeper", "Ready", "True");
        JsonNode revision = api.get("/apis/serving.knative.dev/v1/namespaces/default/revisions/sleeper-00001");
        assertThat(revision.at("/status/actualReplicas").asInt()).as("starts at zero").isZero();
        assertThat(TestApi.condition(revision, "Active").path("reason").asText()).isEqualTo("NoTraffic");

        api.create(EVENTING + "brokers", EventingIT.broker("wake"));
        api.create(EVENTING + "triggers", EventingIT.trigger("waker", "wake", "{\"ref\":{\"apiVersion\":"
                + "\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"sleeper\"}}", null));
        String address = api.awaitCondition(EVENTING + "brokers/wake", "Ready", "True").at("/status/address/url")
                .asText();
        api.awaitCondition(EVENTING + "triggers/waker", "Ready", "True");

        assertThat(EventingIT.post(address, "wake-1", "dev.kumo.wake").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).until(() -> server.eventingPlatform().counters().delivered() >= 1);
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.ingressPort() + "/events"))
                .header("Host", "sleeper.default.localhost").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.body()).contains("wake-1");
    }
}

package dev.kumo.server;

import static dev.kumo.server.EventingIT.EVENTING;
import static dev.kumo.server.EventingIT.SERVICES;
import static dev.kumo.server.EventingIT.SOURCES;
import static dev.kumo.server.EventingIT.WORKLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sink URLs a workload can use (issue #10): a ContainerSource whose container posts with Python's plain
 * {@code urllib} (no special DNS: {@code *.localhost} does not resolve through glibc) to its {@code K_SINK} reaches a
 * Knative Service and a Broker. A Service's {@code status.address.url} is its Route's loopback port on the router,
 * kept across a restart, while {@code status.url} keeps the name people use.
 */
class SinkAddressesIT {

    private static final String ADDRESS = "http://127\\.0\\.0\\.1:\\d+";

    @TempDir
    Path temp;

    private final HttpClient plain = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aContainerSourcesPlainClientReachesAServiceAndABrokerAtTheirAddresses() throws Exception {
        try (KumoServer server = KumoServer.start(TestServers.config(temp.resolve("data")));
                EventRecorder recorder = EventRecorder.start()) {
            TestApi api = new TestApi("http://127.0.0.1:" + server.apiPort());
            api.create(SERVICES, EventingIT.service("display"));
            api.create(EVENTING + "brokers", EventingIT.broker("sinks"));
            api.create(EVENTING + "triggers", EventingIT.trigger("recorded", "sinks", "{\"uri\":\"" + recorder.uri()
                    + "from-broker\"}", "{\"type\":\"dev.kumo.heartbeat\"}"));
            api.awaitCondition(EVENTING + "triggers/recorded", "Ready", "True");

            api.create(SOURCES + "containersources", heartbeat("to-ksvc", "{\"apiVersion\":\"serving.knative.dev/v1\","
                    + "\"kind\":\"Service\",\"name\":\"display\"}"));
            api.create(SOURCES + "containersources", heartbeat("to-broker", "{\"apiVersion\":"
                    + "\"eventing.knative.dev/v1\",\"kind\":\"Broker\",\"name\":\"sinks\"}"));

            JsonNode service = api.awaitCondition(SERVICES + "/display", "Ready", "True");
            String address = service.at("/status/address/url").asText();
            assertThat(address).matches(ADDRESS);
            assertThat(service.at("/status/url").asText())
                    .isEqualTo("http://display.default.localhost:" + server.ingressPort());
            assertThat(api.awaitCondition(SOURCES + "containersources/to-ksvc", "Ready", "True")
                    .at("/status/sinkUri").asText()).isEqualTo(address);
            assertThat(api.awaitCondition(SOURCES + "containersources/to-broker", "Ready", "True")
                    .at("/status/sinkUri").asText()).isEqualTo("http://127.0.0.1:" + server.eventingPort()
                    + "/default/sinks");

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(recorded(address))
                    .anySatisfy(e -> assertThat(e.path("type").asText()).isEqualTo("dev.kumo.heartbeat")));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(recorder.received())
                    .anySatisfy(e -> assertThat(e.type()).isEqualTo("dev.kumo.heartbeat")));
        }
    }

    @Test
    void aServicesAddressOutlivesARestart() throws Exception {
        String address;
        try (KumoServer first = KumoServer.start(TestServers.config(temp.resolve("data")))) {
            TestApi api = new TestApi("http://127.0.0.1:" + first.apiPort());
            api.create(SERVICES, EventingIT.service("stable"));
            address = api.awaitCondition(SERVICES + "/stable", "Ready", "True").at("/status/address/url").asText();
            assertThat(address).matches(ADDRESS);
            assertThat(plain.send(HttpRequest.newBuilder(URI.create(address + "/events")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
        try (KumoServer second = KumoServer.start(TestServers.config(temp.resolve("data")))) {
            TestApi api = new TestApi("http://127.0.0.1:" + second.apiPort());
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(plain.send(HttpRequest
                    .newBuilder(URI.create(address + "/events")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200));
            assertThat(api.get(SERVICES + "/stable").at("/status/address/url").asText()).isEqualTo(address);
        }
    }

    /** The events the {@code events.py} Service at {@code address} recorded, fetched with a plain client. */
    private JsonNode recorded(String address) throws Exception {
        HttpResponse<String> events = plain.send(HttpRequest.newBuilder(URI.create(address + "/events"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(events.statusCode()).isEqualTo(200);
        return Json.parseObject("{\"events\":" + events.body() + "}").path("events");
    }

    /** A ContainerSource running {@code heartbeat.py} (Python's urllib POSTing to $K_SINK) towards {@code ref}. */
    private static String heartbeat(String name, String ref) {
        return "{\"apiVersion\":\"sources.knative.dev/v1\",\"kind\":\"ContainerSource\",\"metadata\":{\"name\":\""
                + name + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\",\"-u\","
                + "\"heartbeat.py\"],\"workingDir\":\"" + WORKLOADS + "\"}]}},\"sink\":{\"ref\":" + ref + "}}}";
    }
}

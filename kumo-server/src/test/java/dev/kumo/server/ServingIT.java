package dev.kumo.server;

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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** "Deploy and get a URL": a Knative Service applied over the API runs as a real process behind the router. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServingIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static ApiAccess access;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        access = ApiAccess.of(server);
        http = access.client();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void aServiceBecomesReadyAndAnswersThroughTheRouter() throws Exception {
        assertThat(send("POST", SERVICES, service("hello", "python3", "app.py", "Kumo")).statusCode()).isEqualTo(201);

        JsonNode ready = awaitReady("hello");
        assertThat(ready.at("/status/url").asText()).isEqualTo("http://hello.default.localhost:" + server.ingressPort());
        assertThat(ready.at("/status/latestReadyRevisionName").asText()).isEqualTo("hello-00001");
        assertThat(get("hello.default.localhost").body()).isEqualTo("Hello Kumo! (hello-00001)\n");
        JsonNode revision = Json.parseObject(send("GET", "/apis/serving.knative.dev/v1/namespaces/default/revisions/"
                + "hello-00001", null).body());
        assertThat(revision.at("/status/actualReplicas").asInt()).isEqualTo(1);
        assertThat(revision.at("/status/desiredReplicas").asInt()).isEqualTo(1);
        assertThat(revision.at("/status/conditions").findValuesAsText("type")).contains("Active");
        for (JsonNode condition : revision.at("/status/conditions")) {
            if (condition.path("type").asText().equals("Active")) {
                assertThat(condition.path("status").asText()).isEqualTo("True");
                assertThat(condition.path("severity").asText()).isEqualTo("Info");
            }
        }
    }

    @Test
    @Order(2)
    void metricsOnTheApiPortShowTheRoutersMetersAfterARequest() throws Exception {
        assertThat(get("hello.default.localhost").statusCode()).isEqualTo(200);

        String tags = "configuration=\"hello\",namespace=\"default\",revision=\"hello-00001\",service=\"hello\"";
        // The client can read its answer before the router's end-of-response handler has counted the request out.
        HttpResponse<String> metrics = await("in flight back to 0").atMost(Duration.ofSeconds(10))
                .until(() -> send("GET", "/metrics", null),
                        m -> m.body().contains("kumo_router_in_flight_requests{" + tags + "} 0.0"));

        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("content-type")).contains("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).containsPattern("kumo_router_requests_total\\{code_class=\"2xx\"," + tags
                        + "} [1-9]")
                .contains("kumo_router_request_duration_seconds_bucket{" + tags)
                .contains("kumo_router_in_flight_requests{" + tags + "} 0.0")
                .contains("kumo_activator_held_requests{" + tags + "} 0.0")
                .contains("kumo_cold_start_seconds_count{" + tags + "}");
    }

    @Test
    @Order(3)
    void followingARevisionLogShowsNewRequestsAsTheyArrive() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpResponse<java.util.stream.Stream<String>> stream = http.send(access.request(
                "/apis/serving.knative.dev/v1/namespaces/default/revisions/"
                        + "hello-00001/log?follow=true&tailLines=0").build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        Thread reader = Thread.ofVirtual().start(() -> {
            try (var body = stream.body()) {
                body.forEach(lines::add);
            } catch (java.io.UncheckedIOException e) {
                // The test closed the stream.
            }
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            get("hello.default.localhost");
            assertThat(lines).anySatisfy(line -> assertThat(line).startsWith("hello-00001 > hello-00001-")
                    .contains("\"GET / HTTP/1.1\" 200"));
        });
        reader.interrupt();
        assertThat(send("GET", "/apis/serving.knative.dev/v1/namespaces/default/revisions/nope/log", null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    @Order(4)
    void anUpdateCreatesANewRevisionAndTrafficMovesToIt() throws Exception {
        String patch = "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\"],"
                + "\"args\":[\"app.py\"],\"workingDir\":\"" + SAMPLE + "\",\"env\":[{\"name\":\"TARGET\","
                + "\"value\":\"again\"}]}]}}}}";
        assertThat(send("PATCH", SERVICES + "/hello", patch, "application/merge-patch+json").statusCode())
                .isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(get("hello.default.localhost").body()).isEqualTo("Hello again! (hello-00002)\n"));
    }

    @Test
    @Order(5)
    void aContainerThatExitsMarksTheServiceNotReadyWithItsExitCode() throws Exception {
        send("POST", SERVICES, service("broken", "python3", "-c", "import sys; print('bad config'); sys.exit(3)"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = json(send("GET", SERVICES + "/broken", null));
            JsonNode readyCondition = condition(status, "Ready");
            assertThat(readyCondition.path("status").asText()).isEqualTo("False");
            assertThat(readyCondition.path("message").asText()).contains("3");
        });
    }

    @Test
    @Order(6)
    void unknownHostsGetA404AndDeletingTheServiceStopsServingIt() throws Exception {
        assertThat(get("nobody.default.localhost").statusCode()).isEqualTo(404);
        assertThat(send("DELETE", SERVICES + "/hello", null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(get("hello.default.localhost").statusCode()).isEqualTo(404));
    }

    private static JsonNode awaitReady(String name) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> json(send("GET", SERVICES + "/" + name, null)),
                service -> "True".equals(condition(service, "Ready").path("status").asText()));
    }

    private static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.at("/status/conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return Json.object();
    }

    private static String service(String name, String command, String arg, String target) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"" + command + "\"],"
                + "\"args\":[" + Json.write(arg) + "],\"workingDir\":\"" + SAMPLE + "\",\"env\":[{\"name\":\"TARGET\","
                + "\"value\":\"" + target + "\"}]}]}}}}";
    }

    private static String service(String name, String command, String flag, String code, String... unused) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"" + command + "\"],"
                + "\"args\":[\"" + flag + "\"," + Json.write(code) + "]}]}}}}";
    }

    private static HttpResponse<String> get(String host) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + "/"))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> send(String method, String path, String body) throws Exception {
        return send(method, path, body, "application/json");
    }

    private static HttpResponse<String> send(String method, String path, String body, String contentType)
            throws Exception {
        HttpRequest.Builder request = access.request(path)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) {
        return Json.parseObject(response.body());
    }
}

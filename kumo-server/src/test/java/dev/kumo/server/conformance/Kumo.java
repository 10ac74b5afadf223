package dev.kumo.server.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.server.ApiAccess;
import dev.kumo.server.KumoServer;
import dev.kumo.server.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One in-process Kumo server for a conformance test class, and what the tests do with it: write resources over the
 * API, await conditions, and call Routes through the router by Host header. A class registers it as an extension
 * ({@code @RegisterExtension static final Kumo kumo = Kumo.perClass();}): the server starts before the class's first
 * test (and its {@code @BeforeAll} methods) with its data in a fresh directory, and stops after its last test.
 */
final class Kumo implements BeforeAllCallback, AfterAllCallback {

    static final String NAMESPACE = "default";
    static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    static final String CONFIGURATIONS = "/apis/serving.knative.dev/v1/namespaces/default/configurations";
    static final String ROUTES = "/apis/serving.knative.dev/v1/namespaces/default/routes";
    static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    static final String SECRETS = "/api/v1/namespaces/default/secrets";
    static final Duration SETTLE = Duration.ofSeconds(60);

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final UnaryOperator<ServerConfig> settings;
    private Path temp;
    private KumoServer server;
    private ApiAccess access;
    private HttpClient http;

    private Kumo(UnaryOperator<ServerConfig> settings) {
        this.settings = settings;
    }

    /** A server on loopback with free ports, for each test class. */
    static Kumo perClass() {
        return new Kumo(UnaryOperator.identity());
    }

    /** A server whose autoscaler runs with {@code autoscaler} (short windows for tests), for each test class. */
    static Kumo perClass(AutoscalerConfig autoscaler) {
        return new Kumo(config -> config.withAutoscaler(autoscaler));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        temp = Files.createTempDirectory("kumo-" + context.getRequiredTestClass().getSimpleName() + "-");
        server = KumoServer.start(settings.apply(new ServerConfig(temp.resolve("data"),
                new ServerConfig.HostPort("127.0.0.1", 0), new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true,
                true)));
        access = ApiAccess.of(server);
        http = access.client();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            delete(temp);
        }
    }

    /** The server's data directory. */
    Path dataDir() {
        return temp.resolve("data");
    }

    /** Knative's autoscaler with short windows (stable 6 s, grace 2 s, decisions every 500 ms): quick scale to zero. */
    static AutoscalerConfig shortWindows() {
        return AutoscalerConfig.parse(java.util.Map.of("stable-window", "6s", "scale-to-zero-grace-period", "2s",
                "tick-interval", "500ms"));
    }

    int ingressPort() {
        return server.ingressPort();
    }

    /** The host a Service (or a tag of it: {@code tag-name}) is served at. */
    static String host(String name) {
        return name + "." + NAMESPACE + ".localhost";
    }

    // --- the API

    /** POSTs the object to the collection and asserts 201. */
    JsonNode create(String collection, JsonNode object) {
        HttpResponse<String> response = api("POST", collection, Json.write(object), "application/json");
        assertThat(response.statusCode()).as("POST %s: %s", collection, response.body()).isEqualTo(201);
        return Json.parseObject(response.body());
    }

    /** Applies a JSON merge patch and asserts 200. */
    JsonNode mergePatch(String path, JsonNode patch) {
        HttpResponse<String> response = api("PATCH", path, Json.write(patch), "application/merge-patch+json");
        assertThat(response.statusCode()).as("PATCH %s: %s", path, response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    HttpResponse<String> api(String method, String path) {
        return api(method, path, null, null);
    }

    JsonNode get(String path) {
        HttpResponse<String> response = api("GET", path);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    HttpResponse<String> api(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = access.request(path).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    // --- settled state

    /** Waits until the Service is Ready=True and its observed generation is current; returns it. */
    JsonNode awaitReady(String service) {
        return await("Service " + service + " Ready").atMost(SETTLE).until(() -> get(SERVICES + "/" + service),
                s -> "True".equals(condition(s, "Ready").path("status").asText())
                        && s.at("/status/observedGeneration").asLong() == s.at("/metadata/generation").asLong());
    }

    /** Waits until the object's condition has the status; returns the condition. */
    JsonNode awaitCondition(String path, String type, String status) {
        return await(path + " " + type + "=" + status).atMost(SETTLE)
                .until(() -> condition(getOrNothingYet(path), type), c -> status.equals(c.path("status").asText()));
    }

    /** The object at {@code path}, or an empty one while it does not exist yet (a Revision its reconcile makes). */
    private JsonNode getOrNothingYet(String path) {
        HttpResponse<String> response = api("GET", path);
        if (response.statusCode() == 404) {
            return Json.object();
        }
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.at("/status/conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return Json.object();
    }

    // --- the data plane

    /** GET {@code path} on the router with the Host header of the Service (or tag) {@code name}. */
    HttpResponse<String> call(String name, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + path))
                .timeout(REQUEST_TIMEOUT).header("Host", host(name)).build());
    }

    /** As {@link #call}, asserting 200 and parsing the body as JSON. */
    JsonNode callJson(String name, String path) {
        HttpResponse<String> response = call(name, path);
        assertThat(response.statusCode()).as("GET %s%s: %s", host(name), path, response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static ObjectNode object(String json) {
        return Json.parseObject(json);
    }

    private static void delete(Path tree) throws IOException {
        if (tree == null || !Files.exists(tree)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}

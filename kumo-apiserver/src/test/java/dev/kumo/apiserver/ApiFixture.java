package dev.kumo.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.core.CoreKinds;
import dev.kumo.api.eventing.EventingKinds;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.Kinds;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.ServingKinds;
import dev.kumo.api.sources.SourcesKinds;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A real API server on 127.0.0.1 over an in-memory store, and a small HTTP client for it. */
final class ApiFixture implements AutoCloseable {

    /** A response: status, body as JSON (or text), and headers. */
    record Response(int status, String text, HttpResponse<String> raw) {

        JsonNode json() {
            try {
                return Json.mapper().readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        List<String> warnings() {
            return raw.headers().allValues("warning");
        }
    }

    final Vertx vertx = Vertx.vertx();
    final ResourceStore store;
    final ApiServer server;
    final HttpClient client = HttpClient.newHttpClient();
    private final Optional<String> token;

    ApiFixture() {
        this(Optional.empty());
    }

    ApiFixture(Optional<String> token) {
        this(token, StoreOptions.DEFAULTS);
    }

    ApiFixture(Optional<String> token, StoreOptions options) {
        this(token, options, Optional.empty());
    }

    ApiFixture(Optional<String> token, StoreOptions options, Optional<MetricsScrape> metrics) {
        this(token, options, config -> metrics.map(config::withMetrics).orElse(config), RevisionLogs.NONE);
    }

    /** A server whose config {@code configure} completes, reading Revision logs from {@code logs}. */
    ApiFixture(UnaryOperator<ApiServerConfig> configure, RevisionLogs logs) {
        this(Optional.empty(), StoreOptions.DEFAULTS, configure, logs);
    }

    private ApiFixture(Optional<String> token, StoreOptions options, UnaryOperator<ApiServerConfig> configure,
            RevisionLogs logs) {
        this.token = token;
        this.store = InMemoryStore.create(options);
        List<KindDefinition> kinds = new ArrayList<>(CoreKinds.all());
        kinds.addAll(ServingKinds.all());
        kinds.addAll(EventingKinds.all());
        kinds.addAll(SourcesKinds.all());
        ObjectNode namespace = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
        namespace.putObject("metadata").put("name", "default");
        store.create(ResourceTypes.NAMESPACE, namespace);
        server = ApiServer.start(vertx, configure.apply(new ApiServerConfig("127.0.0.1", 0, 64 * 1024, token,
                Optional.empty())), new Kinds(kinds), store, InstantSource.system(), logs);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    Response send(String method, String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        token.ifPresent(t -> request.header("Authorization", "Bearer " + t));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    Response get(String path, String... headers) {
        return send("GET", path, null, null, headers);
    }

    Response post(String path, String json) {
        return send("POST", path, "application/json", json);
    }

    static String service(String name, String extraSpec) {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service",
                 "metadata":{"name":"%s","labels":{"app":"%s"}},
                 "spec":{"template":{"spec":{"containers":[{"image":"example.com/hello"}]}}%s}}
                """.formatted(name, name, extraSpec);
    }

    static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";

    @Override
    public void close() {
        server.close();
        store.close();
        vertx.close();
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of a test server's API (HTTPS with its token): create, read and patch objects, await conditions. */
final class TestApi {

    private final ApiAccess access;
    private final HttpClient http;

    TestApi(ApiAccess access) {
        this.access = access;
        this.http = access.client();
    }

    /** A client of an in-process server. */
    TestApi(KumoServer server) {
        this(ApiAccess.of(server));
    }

    /**
     * A client of the server at {@code base}; a loopback URL of a test server ({@code "http://127.0.0.1:" + PORT})
     * is taken to that server's real URL, token and certificate.
     */
    TestApi(String base) {
        this(TestServers.byUrl(base).orElseGet(() -> new ApiAccess(java.net.URI.create(base),
                java.util.Optional.empty(), java.util.Optional.empty())));
    }

    /** POSTs {@code json} to the collection at {@code path} and asserts 201. */
    JsonNode create(String path, String json) {
        HttpResponse<String> response = send("POST", path, json, "application/json");
        assertThat(response.statusCode()).as("POST %s: %s", path, response.body()).isEqualTo(201);
        return Json.parseObject(response.body());
    }

    JsonNode get(String path) {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return Json.parseObject(response.body());
    }

    HttpResponse<String> send(String method, String path, String body, String contentType) {
        HttpRequest.Builder request = access.request(path).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the object's condition {@code type} has {@code status}; returns the object. */
    JsonNode awaitCondition(String path, String type, String status) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> get(path),
                object -> status.equals(condition(object, type).path("status").asText()));
    }

    static JsonNode condition(JsonNode object, String type) {
        for (JsonNode condition : object.at("/status/conditions")) {
            if (condition.path("type").asText().equals(type)) {
                return condition;
            }
        }
        return Json.object();
    }
}

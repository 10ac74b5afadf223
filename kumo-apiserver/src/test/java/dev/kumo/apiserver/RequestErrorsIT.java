package dev.kumo.apiserver;

import static dev.kumo.apiserver.ApiFixture.SERVICES;
import static dev.kumo.apiserver.ApiFixture.service;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestErrorsIT {

    private final ApiFixture api = new ApiFixture();

    @AfterEach
    void close() {
        api.close();
    }

    @Test
    void badRequestsGetClearStatusesAndNeverChangeStoredState() {
        api.post(SERVICES, service("hello", ""));
        String before = api.get(SERVICES + "/hello").text();

        assertStatus(api.post(SERVICES, "{not json"), 400, "BadRequest");
        assertStatus(api.send("POST", SERVICES, "application/yaml", "kind: [unclosed"), 400, "BadRequest");
        assertStatus(api.post("/apis/serving.knative.dev/v1/namespaces/default/widgets", "{}"), 404, "NotFound");
        assertStatus(api.send("PUT", SERVICES + "/hello", "application/json", "[1,2]"), 400, "BadRequest");
        assertStatus(api.send("PATCH", SERVICES + "/hello", "text/plain", "x"), 415, "UnsupportedMediaType");
        assertStatus(api.send("POST", SERVICES + "/hello", "application/json", service("hello", "")), 405,
                "MethodNotAllowed");
        assertStatus(api.post(SERVICES, service("hello", "").replace("serving.knative.dev/v1", "serving.knative.dev/v2")),
                400, "BadRequest");
        assertStatus(api.post(SERVICES, service("hello", "").replace("\"Service\"", "\"Route\"")), 400, "BadRequest");
        assertStatus(api.post(SERVICES, service("Bad_Name", "")), 422, "Invalid");
        assertStatus(api.post(SERVICES, "x".repeat(70 * 1024)), 413, "RequestEntityTooLarge");

        assertThat(api.get(SERVICES + "/hello").text()).isEqualTo(before);
        assertThat(api.get(SERVICES).json().path("items")).hasSize(1);
    }

    @Test
    void aTokenProtectedServerRefusesRequestsWithoutIt() {
        try (ApiFixture secured = new ApiFixture(Optional.of("s3cret"))) {
            assertThat(secured.get("/api").status()).isEqualTo(200);
            ApiFixture.Response anonymous = secured.client.sendAsync(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(secured.base() + "/api")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).thenApply(r ->
                    new ApiFixture.Response(r.statusCode(), r.body(), r)).join();
            assertStatus(anonymous, 401, "Unauthorized");
            assertThat(secured.get("/healthz").status()).isEqualTo(200);
        }
    }

    @Test
    void yamlBodiesAreAccepted() {
        String yaml = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: settings
                data:
                  greeting: hello
                """;
        ApiFixture.Response created = api.send("POST", "/api/v1/namespaces/default/configmaps", "application/yaml",
                yaml);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/data/greeting").asText()).isEqualTo("hello");
    }

    private static void assertStatus(ApiFixture.Response response, int code, String reason) {
        assertThat(response.status()).as(response.text()).isEqualTo(code);
        assertThat(response.json().path("kind").asText()).isEqualTo("Status");
        assertThat(response.json().path("reason").asText()).isEqualTo(reason);
        assertThat(response.json().path("message").asText()).isNotBlank();
    }
}

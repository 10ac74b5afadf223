package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * A Service labelled {@code networking.knative.dev/visibility: cluster-local} is served at
 * {@code hello.default.svc.cluster.local} and its loopback address, not at its public name; without the label again,
 * at its public name.
 */
class ClusterLocalIT {

    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final String API = "/apis/serving.knative.dev/v1/namespaces/default/services";

    @TempDir
    Path temp;

    @Test
    void aClusterLocalServiceIsServedAtItsClusterNameOnlyUntilTheLabelGoes() throws Exception {
        try (KumoServer server = KumoServer.start(TestServers.config(temp))) {
            ApiAccess access = ApiAccess.of(server);
            HttpClient http = access.client();
            String service = "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":"
                    + "\"hello\",\"labels\":{\"networking.knative.dev/visibility\":\"cluster-local\"}},\"spec\":"
                    + "{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\"],\"args\":[\"app.py\"],"
                    + "\"workingDir\":\"" + SAMPLE + "\"}]}}}}";
            assertThat(http.send(access.request(API).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(service)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(201);

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(status(http, access, "url")).isEqualTo("http://hello.default.svc.cluster.local");
                assertThat(get(http, server, "hello.default.svc.cluster.local").body()).startsWith("Hello World!");
                assertThat(get(http, URI.create(status(http, access, "address/url") + "/")).body())
                        .startsWith("Hello World!");
            });
            assertThat(get(http, server, "hello.default.localhost").statusCode()).isEqualTo(404);

            String unlabel = "{\"metadata\":{\"labels\":{\"networking.knative.dev/visibility\":null}}}";
            assertThat(http.send(access.request(API + "/hello").header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(unlabel)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                assertThat(status(http, access, "url")).isEqualTo("http://hello.default.localhost:"
                        + server.ingressPort());
                assertThat(get(http, server, "hello.default.localhost").body()).startsWith("Hello World!");
                assertThat(get(http, server, "hello.default.svc.cluster.local").statusCode()).isEqualTo(404);
            });
        }
    }

    private static String status(HttpClient http, ApiAccess access, String field) throws Exception {
        return Json.parseObject(http.send(access.request(API + "/hello").build(),
                HttpResponse.BodyHandlers.ofString()).body()).at("/status/" + field).asText();
    }

    private static HttpResponse<String> get(HttpClient http, KumoServer server, String host) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + "/"))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(HttpClient http, URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}

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

/** Route URLs use the configured domain, and the router answers for it. */
class DomainIT {

    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();

    @TempDir
    Path temp;

    @Test
    void routesAreServedUnderTheConfiguredDomain() throws Exception {
        ServerConfig defaults = TestServers.config(temp);
        ServerConfig config = new ServerConfig(defaults.dataDir(), defaults.apiAddress(), defaults.ingressAddress(),
                defaults.store(), defaults.durableSync(), defaults.requireToken(), true, "kumo.test");
        try (KumoServer server = KumoServer.start(config)) {
            ApiAccess access = ApiAccess.of(server);
            HttpClient http = access.client();
            String api = "/apis/serving.knative.dev/v1/namespaces/default/services";
            String service = "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":"
                    + "\"hello\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\"],"
                    + "\"args\":[\"app.py\"],\"workingDir\":\"" + SAMPLE + "\"}]}}}}";
            http.send(access.request(api).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(service)).build(), HttpResponse.BodyHandlers.ofString());

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                String url = Json.parseObject(http.send(access.request(api + "/hello").build(),
                        HttpResponse.BodyHandlers.ofString()).body()).at("/status/url").asText();
                assertThat(url).isEqualTo("http://hello.default.kumo.test:" + server.ingressPort());
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.ingressPort() + "/")).header("Host", "hello.default.kumo.test").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.body()).startsWith("Hello World!");
            });
        }
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an ApiServerSource may read in a server with the default configuration (issue #10): a source in namespace
 * team-a with {@code namespaceSelector: {}} is refused team-b (SufficientPermissions False naming it and the fix, and
 * nothing of team-b reaches its sink), and a source told of its own namespace's Secrets in Resource mode gets them
 * without their data.
 */
class ApiServerSourceAccessIT {

    private static final String PASSWORD_B64 = "aHVudGVyMg==";

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static EventRecorder sink;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        api = new TestApi("http://127.0.0.1:" + server.apiPort());
        sink = EventRecorder.start();
        api.create("/api/v1/namespaces", namespace("team-a"));
        api.create("/api/v1/namespaces", namespace("team-b"));
    }

    @AfterAll
    static void stop() {
        sink.close();
        server.close();
    }

    @Test
    void aSourceSelectingEveryNamespaceIsRefusedTheOthersAndSendsNothingOfThem() {
        secret("team-b", "db-b");
        api.create(sources("team-a"), source("everything", "Resource", "Secret", ",\"namespaceSelector\":{}",
                "everything"));

        JsonNode refused = api.awaitCondition(sources("team-a") + "/everything", "SufficientPermissions", "False");

        JsonNode condition = TestApi.condition(refused, "SufficientPermissions");
        assertThat(condition.path("reason").asText()).isEqualTo("CrossNamespaceNotAllowed");
        assertThat(condition.path("message").asText())
                .contains("may read only its own namespace \"team-a\"")
                .contains("\"team-b\"", "\"default\"")
                .contains("apiserversource-cross-namespace: true");
        assertThat(TestApi.condition(refused, "Ready").path("status").asText()).isEqualTo("False");
        secret("team-b", "db-b2");
        // A source that may run, created after the refused one, reports its own namespace's change: by then the
        // refused source would have sent team-b's Secrets had it run.
        api.create(sources("team-a"), source("sentinel", "Reference", "ConfigMap", "", "sentinel"));
        api.create("/api/v1/namespaces/team-a/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"ping\"}}");
        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().stream()
                .anyMatch(e -> e.headers().get("Ce-subject").contains("/api/v1/namespaces/team-a/configmaps/ping")));
        assertThat(sink.received()).noneSatisfy(e -> assertThat(e.headers().get("Ce-namespace"))
                .containsExactly("team-b"));
    }

    @Test
    void secretsOfTheSourcesOwnNamespaceArriveWithoutTheirData() {
        api.create(sources("team-a"), source("secrets", "Resource", "Secret", "", "secrets"));
        JsonNode ready = api.awaitCondition(sources("team-a") + "/secrets", "Ready", "True");
        assertThat(TestApi.condition(ready, "SufficientPermissions").path("reason").asText())
                .isEqualTo("SecretDataWithheld");

        secret("team-a", "db-a");

        await().atMost(Duration.ofSeconds(30)).until(() -> sink.received().stream().anyMatch(e -> subject(e)
                .equals("/api/v1/namespaces/team-a/secrets/db-a")));
        EventRecorder.Received event = sink.received().stream()
                .filter(e -> subject(e).equals("/api/v1/namespaces/team-a/secrets/db-a")).findFirst().orElseThrow();
        JsonNode data = Json.parseObject(event.body());
        assertThat(data.at("/metadata/name").asText()).isEqualTo("db-a");
        assertThat(data.has("data")).isFalse();
        assertThat(data.has("stringData")).isFalse();
        assertThat(event.body()).doesNotContain(PASSWORD_B64).doesNotContain("hunter2");
    }

    private static String subject(EventRecorder.Received event) {
        return event.headers().getOrDefault("Ce-subject", java.util.List.of("")).getFirst();
    }

    private static void secret(String namespace, String name) {
        api.create("/api/v1/namespaces/" + namespace + "/secrets", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"annotations\":{\"kubectl.kubernetes.io/"
                + "last-applied-configuration\":\"{\\\"data\\\":{\\\"password\\\":\\\"" + PASSWORD_B64 + "\\\"}}\"}},"
                + "\"data\":{\"password\":\"" + PASSWORD_B64 + "\"}}");
    }

    private static String sources(String namespace) {
        return "/apis/sources.knative.dev/v1/namespaces/" + namespace + "/apiserversources";
    }

    private static String source(String name, String mode, String kind, String extra, String path) {
        return "{\"apiVersion\":\"sources.knative.dev/v1\",\"kind\":\"ApiServerSource\",\"metadata\":{\"name\":\""
                + name + "\"},\"spec\":{\"mode\":\"" + mode + "\",\"resources\":[{\"apiVersion\":\"v1\",\"kind\":\""
                + kind + "\"}]" + extra + ",\"sink\":{\"uri\":\"" + sink.uri() + path + "\"}}}";
    }

    private static String namespace(String name) {
        return "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"" + name + "\"}}";
    }
}

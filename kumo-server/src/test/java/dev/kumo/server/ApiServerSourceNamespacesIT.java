package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ApiServerSource's {@code namespaceSelector} in a real server, with real HTTP sinks: the changes of the
 * matching namespaces only, following a relabelled namespace, and {@code {}} for all of them — in a server whose
 * configuration lets sources read other namespaces ({@code apiserversource-cross-namespace: true}; without it they
 * are refused, see {@link ApiServerSourceAccessIT}).
 */
class ApiServerSourceNamespacesIT {

    private static final String SOURCES = "/apis/sources.knative.dev/v1/namespaces/default/apiserversources";
    private static final String ADD = "dev.knative.apiserver.ref.add";
    private static final String UPDATE = "dev.knative.apiserver.ref.update";

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static EventRecorder devSink;
    private static EventRecorder allSink;

    @BeforeAll
    static void start() {
        ServerConfig config = TestServers.config(temp.resolve("data"));
        server = KumoServer.start(config.withEventing(config.eventing().withSourcesCrossNamespace(true)));
        api = new TestApi(server);
        devSink = EventRecorder.start();
        allSink = EventRecorder.start();
    }

    @AfterAll
    static void stop() {
        allSink.close();
        devSink.close();
        server.close();
    }

    @Test
    void aSelectorSendsTheMatchingNamespacesChangesAndFollowsARelabelledNamespace() {
        namespace("dev-a", "dev");
        namespace("dev-b", "dev");
        namespace("prod", "prod");
        configMap("dev-a", "a");
        configMap("dev-b", "b");
        configMap("prod", "p");

        source("dev-only", "{\"matchLabels\":{\"env\":\"dev\"}}", devSink);
        source("everywhere", "{}", allSink);
        api.awaitCondition(SOURCES + "/dev-only", "Ready", "True");
        awaitNamespaces("dev-only", "dev-a", "dev-b");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(devSink, ADD))
                .contains(subject("dev-a", "a"), subject("dev-b", "b")));
        patchData("dev-b", "b");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(devSink, UPDATE))
                .contains(subject("dev-b", "b")));
        assertThat(devSink.received()).noneSatisfy(e -> assertThat(e.headers().get("Ce-subject"))
                .containsExactly(subject("prod", "p")));

        api.send("PATCH", "/api/v1/namespaces/prod", "{\"metadata\":{\"labels\":{\"env\":\"dev\"}}}",
                "application/merge-patch+json");
        awaitNamespaces("dev-only", "dev-a", "dev-b", "prod");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(devSink, ADD))
                .contains(subject("prod", "p")));
        patchData("prod", "p");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(devSink, UPDATE))
                .contains(subject("prod", "p")));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(events(allSink, ADD))
                .contains(subject("dev-a", "a"), subject("dev-b", "b"), subject("prod", "p")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(namespaces("everywhere"))
                .contains("default", "dev-a", "dev-b", "prod"));

        assertThat(api.send("DELETE", "/api/v1/namespaces/dev-a", null, null).statusCode()).isEqualTo(200);
        awaitNamespaces("dev-only", "dev-b", "prod");
    }

    private static void namespace(String name, String env) {
        api.create("/api/v1/namespaces", "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\""
                + name + "\",\"labels\":{\"env\":\"" + env + "\"}}}");
    }

    private static void configMap(String namespace, String name) {
        api.create("/api/v1/namespaces/" + namespace + "/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"v\"}}");
    }

    private static void patchData(String namespace, String name) {
        assertThat(api.send("PATCH", "/api/v1/namespaces/" + namespace + "/configmaps/" + name,
                "{\"data\":{\"k\":\"changed\"}}", "application/merge-patch+json").statusCode()).isEqualTo(200);
    }

    private static void source(String name, String namespaceSelector, EventRecorder sink) {
        api.create(SOURCES, "{\"apiVersion\":\"sources.knative.dev/v1\",\"kind\":\"ApiServerSource\","
                + "\"metadata\":{\"name\":\"" + name + "\"},\"spec\":{\"mode\":\"Reference\","
                + "\"resources\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\"}],"
                + "\"namespaceSelector\":" + namespaceSelector + ",\"sink\":{\"uri\":\"" + sink.uri() + "\"}}}");
    }

    /** Waits until the source's {@code status.namespaces} lists exactly {@code namespaces}. */
    private static void awaitNamespaces(String source, String... namespaces) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(namespaces(source))
                .containsExactly(namespaces));
    }

    private static List<String> namespaces(String source) {
        List<String> listed = new ArrayList<>();
        api.get(SOURCES + "/" + source).at("/status/namespaces").forEach(n -> listed.add(n.asText()));
        return listed;
    }

    private static List<String> events(EventRecorder sink, String type) {
        return sink.received().stream().filter(e -> type.equals(e.type()))
                .map(e -> e.headers().get("Ce-subject").getFirst()).toList();
    }

    private static String subject(String namespace, String name) {
        return "/api/v1/namespaces/" + namespace + "/configmaps/" + name;
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.serving.RuntimeSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Knative Service naming only an {@code image:} runs as a container in a pod of its own, answers through the
 * router, scales to zero and comes back on the next request; its output is the Revision's log.
 */
class ContainerServingIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    // A name of this test's own: other tests on the host run images in the same podman.
    private static final String NAME = "ctrhello";
    private static final String REVISION = NAME + "-00001";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    static Path temp;
    private static KumoServer server;
    private static TestApi api;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        TestPodman.assume();
        server = KumoServer.start(TestServers.config(temp.resolve("data"))
                .withRuntimes(new RuntimeSettings(Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                        RuntimeName.PROCESS))
                .withAutoscaler(AutoscalerConfig.parse(Map.of("stable-window", "6s",
                        "scale-to-zero-grace-period", "1s"))));
        api = new TestApi(server);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            assertThat(TestPodman.pods("dev.kumo/revision", REVISION)).as("pods left after close").isEmpty();
        }
    }

    @Test
    void anImageServiceAnswersThroughTheRouterScalesToZeroAndComesBack() throws Exception {
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/window":"6s"}},
                   "spec":{"containers":[{"image":"%s","env":[{"name":"TARGET","value":"containers"}],
                     "ports":[{"containerPort":8080}]}]}}}}""".formatted(NAME, BusyboxImage.reference()));

        api.awaitCondition(SERVICES + "/" + NAME, "Ready", "True");
        assertThat(get("/").body()).isEqualTo("hello from busybox\n");
        assertThat(get("/cgi-bin/env").body()).contains("PORT=8080", "TARGET=containers", "K_REVISION=" + REVISION);
        // Counted as running workload containers: beside the serving pod the warm pool keeps one for the next
        // replica (and, at zero, one for the next request), whose container is created but not started.
        assertThat(TestPodman.running("dev.kumo/revision", REVISION)).hasSize(1);
        // The container's lines reach Kumo's log through podman's followed stream, a moment after they are written.
        await("the log subresource").atMost(SETTLE).untilAsserted(() -> assertThat(api.send("GET", REVISIONS + "/"
                + REVISION + "/log", null, null).body()).contains("serving on port 8080"));

        await("scaled to zero").atMost(SETTLE).until(() -> TestPodman.running("dev.kumo/revision", REVISION)
                .isEmpty() && api.get(REVISIONS + "/" + REVISION).at("/status/actualReplicas").asInt(-1) == 0);
        await("at zero only a warm pod is left").atMost(SETTLE).until(() -> TestPodman.pods("dev.kumo/revision",
                REVISION).equals(TestPodman.warmPods("dev.kumo/revision", REVISION))
                && TestPodman.warmPods("dev.kumo/revision", REVISION).size() == 1);
        String warm = TestPodman.warmPods("dev.kumo/revision", REVISION).getFirst();

        HttpResponse<String> cold = get("/");
        assertThat(cold.statusCode()).isEqualTo(200);
        assertThat(cold.body()).isEqualTo("hello from busybox\n");
        assertThat(TestPodman.running("dev.kumo/revision", REVISION)).hasSize(1)
                .as("the request at zero started the warm pod's container").allMatch(name -> name.startsWith(warm));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + path))
                .header("Host", NAME + ".default.localhost").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.SidecarScripts;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.serving.RuntimeSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knative's multi-container sample through the server: the container with the port is routed and answers with what
 * its sidecar answers inside the pod; a sidecar that keeps crashing makes the Revision ContainerHealthy=False naming
 * it.
 */
class MultiContainerServingIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";

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
                        RuntimeName.PROCESS)));
        api = new TestApi(server);
        http = HttpClient.newHttpClient();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
            assertThat(TestPodman.pods("dev.kumo/revision", "ctrduo-00001")).as("pods left after close").isEmpty();
            assertThat(TestPodman.pods("dev.kumo/revision", "ctrflaky-00001")).as("pods left after close").isEmpty();
        }
    }

    @Test
    void theServingContainerIsRoutedAndReachesItsSidecarInsideThePod() throws Exception {
        api.create(SERVICES, service("ctrduo", SidecarScripts.PROXY, SidecarScripts.SIDECAR));

        api.awaitCondition(SERVICES + "/ctrduo", "Ready", "True");

        // The sidecar starts beside the serving container, not before it: it may listen a moment after it is ready.
        HttpResponse<String> answer = await("the sidecar answers").until(
                () -> get("ctrduo", "/cgi-bin/up"), r -> r.statusCode() == 200 && !r.body().isEmpty());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("hello from busybox\n");
        assertThat(TestPodman.containers("dev.kumo/container", "helper")).isNotEmpty();
        // Both images are in dev.local, a registry skipping tag resolution: as Knative leaves them, each container
        // is listed by name, in the Revision's order, without an imageDigest.
        JsonNode statuses = api.get(REVISIONS + "/ctrduo-00001").at("/status/containerStatuses");
        assertThat(statuses.findValuesAsText("name")).containsExactly("app", "helper");
        assertThat(statuses.findValues("imageDigest")).isEmpty();
    }

    @Test
    void aCrashingSidecarMakesTheRevisionContainerHealthyFalseNamingIt() {
        api.create(SERVICES, service("ctrflaky", "exec httpd -f -p $PORT -h /www",
                "echo helper has no config; exit 3"));

        JsonNode revision = api.awaitCondition(REVISIONS + "/ctrflaky-00001", "ContainerHealthy", "False");

        assertThat(TestApi.condition(revision, "ContainerHealthy").path("message").asText()).contains("helper");
    }

    private static String service(String name, String serving, String helper) {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{"kumo.dev/runtime":"container"}},
                   "spec":{"containers":[
                   {"name":"app","image":"%s","command":%s,"ports":[{"containerPort":8080}]},
                   {"name":"helper","image":"%s","command":%s}]}}}}""".formatted(name, BusyboxImage.reference(),
                shell(serving), BusyboxImage.reference(), shell(helper));
    }

    /** {@code ["sh","-c",SCRIPT]} as JSON. */
    private static String shell(String script) {
        return "[\"sh\",\"-c\",\"" + script.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
    }

    private static HttpResponse<String> get(String name, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + path))
                .header("Host", name + ".default.localhost").timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

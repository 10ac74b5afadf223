package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.SidecarScripts;
import dev.kumo.runtime.podman.TestPodman;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Knative's multi-container sample through the server: the container with the port is routed and answers with what
 * its sidecar answers inside the pod; a sidecar that keeps crashing makes the Revision ContainerHealthy=False naming
 * it.
 */
class MultiContainerServingIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer().withDefaultScaleDown();

    private final TestApi api = KUMO.api();
    private final Ingress ingress = KUMO.ingress();

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

    private HttpResponse<String> get(String name, String path) {
        return ingress.get(name + ".default.localhost", path);
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

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

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer();

    private final TestApi api = KUMO.api();
    private final Ingress ingress = KUMO.ingress();

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
        // The container's lines reach Kumo's log from its log file, read to its end before the run shows Ready.
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

    private HttpResponse<String> get(String path) {
        return ingress.get(NAME + ".default.localhost", path);
    }
}

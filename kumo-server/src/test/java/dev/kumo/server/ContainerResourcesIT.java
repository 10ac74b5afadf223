package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.runtime.podman.BusyboxImage;
import dev.kumo.runtime.podman.TestPodman;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An image Service's volumes and limits through the whole server: ConfigMap and Secret volumes answer with their
 * files' content, an edited ConfigMap reaches the running container, and a container over its memory limit shows
 * OOMKilled with exit code 137 in its Revision.
 */
class ContainerResourcesIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    private static final String CONFIGMAPS = "/api/v1/namespaces/default/configmaps";
    private static final String SECRETS = "/api/v1/namespaces/default/secrets";
    // Names of this test's own: other tests on the host run images in the same podman.
    private static final String FILES = "ctrfiles";
    private static final String HOG = "ctrhog";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer().withDefaultScaleDown();

    private final TestApi api = KUMO.api();
    private final Ingress ingress = KUMO.ingress();

    @Test
    void configMapAndSecretVolumesAnswerAndAnEditedConfigMapReachesTheRunningContainer() throws Exception {
        api.create(CONFIGMAPS, """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"ctrfiles-config"},
                 "data":{"greeting":"hello v1"}}""");
        api.create(SECRETS, """
                {"apiVersion":"v1","kind":"Secret","metadata":{"name":"ctrfiles-secret"},
                 "stringData":{"password":"s3cret"}}""");
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{"autoscaling.knative.dev/min-scale":"1"}},
                   "spec":{"containers":[{"image":"%s",
                     "volumeMounts":[{"name":"config","mountPath":"/www/config","readOnly":true},
                                     {"name":"secret","mountPath":"/www/secret","readOnly":true}]}],
                   "volumes":[{"name":"config","configMap":{"name":"ctrfiles-config"}},
                              {"name":"secret","secret":{"secretName":"ctrfiles-secret"}}]}}}}"""
                .formatted(FILES, BusyboxImage.reference()));

        api.awaitCondition(SERVICES + "/" + FILES, "Ready", "True");
        assertThat(get(FILES, "/config/greeting").body()).isEqualTo("hello v1");
        assertThat(get(FILES, "/secret/password").body()).isEqualTo("s3cret");

        assertThat(api.send("PATCH", CONFIGMAPS + "/ctrfiles-config", "{\"data\":{\"greeting\":\"hello v2\"}}",
                "application/merge-patch+json").statusCode()).isEqualTo(200);

        await("the edit reaches the container").atMost(SETTLE).until(() -> get(FILES, "/config/greeting").body(),
                "hello v2"::equals);
        assertThat(TestPodman.pods("dev.kumo/revision", FILES + "-00001")).as("the same running pod").hasSize(1);
    }

    @Test
    void aContainerOverItsMemoryLimitShowsOomKilledInItsRevision() {
        api.create(SERVICES, """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"spec":{"containers":[{"image":"%s",
                   "command":["sh","-c","echo allocating; exec dd if=/dev/zero of=/dev/null bs=256M count=1"],
                   "resources":{"limits":{"memory":"64Mi","cpu":"500m"}}}]}}}}"""
                .formatted(HOG, BusyboxImage.reference()));

        JsonNode revision = await("OOMKilled shown").atMost(SETTLE).ignoreExceptionsInstanceOf(AssertionError.class)
                .until(() -> api.get(REVISIONS + "/" + HOG + "-00001"),
                        r -> TestApi.condition(r, "ContainerHealthy").path("message").asText().contains("OOM"));

        JsonNode healthy = TestApi.condition(revision, "ContainerHealthy");
        assertThat(healthy.path("status").asText()).isEqualTo("False");
        assertThat(healthy.path("reason").asText()).isIn("OOMKilled", "CrashLoopBackOff");
        assertThat(healthy.path("message").asText()).contains("137");
        assertThat(revision.at("/status/annotations/kumo.dev~1limits-in-force").asText())
                .contains("67108864 bytes").contains("500m");
    }

    private HttpResponse<String> get(String service, String path) {
        return ingress.get(service + ".default.localhost", path);
    }
}

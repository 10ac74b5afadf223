package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Knative Service whose container declares {@code grpc:} probes (Kubernetes' gRPC health probes), run by the
 * container runtime against grpc-java's own health service (the grpc-health sample image): Ready once it answers
 * SERVING, then answering through the router; and one that stays NOT_SERVING fails at its progress deadline with a
 * message naming the gRPC answer.
 */
class ContainerGrpcProbeIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    private static final String IMAGE = "dev.local/kumo-samples/grpc-health";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("grpc-health");

    @Test
    void aServiceWithAGrpcReadinessProbeBecomesReadyAndAnswers() {
        KUMO.api().create(SERVICES, service("grpc-ready", "", """
                "env":[{"name":"TARGET","value":"gRPC"},{"name":"GRPC_HEALTH","value":"NOT_SERVING"},
                       {"name":"SERVING_AFTER_MS","value":"2000"}],
                "readinessProbe":{"grpc":{"port":8081}},
                "livenessProbe":{"grpc":{"port":8081,"service":""},"periodSeconds":1}"""));

        KUMO.awaitReady(SERVICES + "/grpc-ready", 1, 1);

        assertThat(KUMO.ingress().get("grpc-ready.default.localhost", "/").body()).isEqualTo("Hello gRPC!\n");
        JsonNode revision = KUMO.api().get(REVISIONS + "/grpc-ready-00001");
        assertThat(TestApi.condition(revision, "Ready").path("status").asText()).isEqualTo("True");
    }

    @Test
    void aServiceThatStaysNotServingFailsAtItsProgressDeadlineNamingTheAnswer() {
        // The deadline leaves the JVM in the image time to start and answer a probe on a loaded machine (at a load
        // of 30, 10 s ran out before the first answer, so the message had no probe's words to name).
        KUMO.api().create(SERVICES, service("grpc-never", """
                "serving.knative.dev/progress-deadline":"25s\"""", """
                "env":[{"name":"GRPC_HEALTH","value":"NOT_SERVING"}],
                "readinessProbe":{"grpc":{"port":8081}}"""));

        JsonNode available = await("grpc-never-00001 ResourcesAvailable=False").atMost(SETTLE)
                .until(() -> TestApi.condition(KUMO.api().get(REVISIONS + "/grpc-never-00001"), "ResourcesAvailable"),
                        condition -> "False".equals(condition.path("status").asText()));
        assertThat(available.path("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(available.path("message").asText()).contains("last readiness probe: gRPC probe of 127.0.0.1:")
                .contains("service unhealthy (responded with \"NOT_SERVING\")").doesNotContain("10.88.");
    }

    /** A Service named {@code name} whose template has {@code annotations} and one grpc-health container. */
    private static String service(String name, String annotations, String fields) {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{%s}},"spec":{"containers":[{"image":"%s",
                   "ports":[{"containerPort":8080}],%s}]}}}}""".formatted(name, annotations, IMAGE, fields);
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The failures conformance/ConformanceErrorsIT proves for processes, for image Revisions in real podman containers:
 * the same conditions, reasons and message shapes, with the last lines the container logged.
 */
class ContainerFailuresIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String REVISIONS = "/apis/serving.knative.dev/v1/namespaces/default/revisions";
    private static final String INSPECTOR = "dev.local/kumo-samples/inspector";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @RegisterExtension
    static final ContainerServer KUMO = new ContainerServer("inspector");

    /** TestContainerExitingMsg: the exit code and the last line the container logged. */
    @Test
    void aContainerThatExitsReportsItsExitCodeAndLastLogLine() {
        KUMO.api().create(SERVICES, service("ctr-exits", "", """
                "image":"%s","env":[{"name":"CRASH_WITH","value":"5"}]""".formatted(INSPECTOR)));

        JsonNode revision = awaitCondition(REVISIONS + "/ctr-exits-00001", "Ready", "False");
        assertThat(revision.path("message").asText()).contains("code 5")
                .contains("inspector: exiting with code 5, as CRASH_WITH asks");
        JsonNode ready = awaitCondition(SERVICES + "/ctr-exits", "Ready", "False");
        assertThat(ready.path("message").asText()).contains("code 5")
                .contains("inspector: exiting with code 5, as CRASH_WITH asks");
    }

    /**
     * The last lines are the last the container wrote, however fast it wrote before exiting (one stream: the order
     * between stdout and stderr is not kept by any runtime).
     */
    @Test
    void aContainerThatLogsALotBeforeExitingReportsItsVeryLastLine() {
        KUMO.api().create(SERVICES, service("ctr-chatty-exit", "\"kumo.dev/runtime\":\"container\"", """
                "image":"%s","command":["/bin/sh","-c",
                  "seq 1 20000 >&2; echo 'cannot read /etc/chatty.conf' >&2; exit 6"]""".formatted(INSPECTOR)));

        JsonNode revision = awaitCondition(REVISIONS + "/ctr-chatty-exit-00001", "Ready", "False");
        assertThat(revision.path("message").asText()).contains("code 6").endsWith("cannot read /etc/chatty.conf");
    }

    /** Restarted with exponential backoff, a container that keeps exiting shows as Kubernetes' CrashLoopBackOff. */
    @Test
    void aContainerThatKeepsExitingIsInCrashLoopBackOff() {
        KUMO.api().create(SERVICES, service("ctr-crash-loops", "", """
                "image":"%s","env":[{"name":"CRASH_WITH","value":"4"}]""".formatted(INSPECTOR)));

        JsonNode healthy = await("ctr-crash-loops-00001 ContainerHealthy=False CrashLoopBackOff").atMost(SETTLE)
                .until(() -> TestApi.condition(KUMO.api().get(REVISIONS + "/ctr-crash-loops-00001"),
                        "ContainerHealthy"), c -> "CrashLoopBackOff".equals(c.path("reason").asText()));
        assertThat(healthy.path("status").asText()).isEqualTo("False");
        assertThat(healthy.path("message").asText())
                .containsPattern("^container exited with code 4 after \\d+ restarts?; back-off \\d+s restarting "
                        + "failed container; last log lines:\n")
                .endsWith("inspector: exiting with code 4, as CRASH_WITH asks");
    }

    /**
     * Knative's progress deadline: a container that runs but never listens fails its Revision with
     * ProgressDeadlineExceeded once {@code serving.knative.dev/progress-deadline} has passed, and the message names
     * the failing readiness probe and the last lines the container logged. The deadline is 10s, not the process
     * IT's 3s: it counts the pod's setup too, which takes seconds on a loaded machine (then nothing ran yet).
     */
    @Test
    void aContainerThatNeverListensFailsAtItsProgressDeadline() {
        KUMO.api().create(SERVICES, service("ctr-never-listens", """
                "serving.knative.dev/progress-deadline":"10s","kumo.dev/runtime":"container\"""", """
                "image":"%s","command":["/bin/sh","-c","echo 'warming the cache' >&2; exec sleep 600"]"""
                .formatted(INSPECTOR)));

        JsonNode available = awaitCondition(REVISIONS + "/ctr-never-listens-00001", "ResourcesAvailable", "False");
        assertThat(available.path("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(available.path("message").asText())
                .startsWith("Initial scale was never achieved: the container did not become ready within 10s")
                .contains("last readiness probe: TCP probe of 127.0.0.1:").contains("warming the cache");
        JsonNode revision = KUMO.api().get(REVISIONS + "/ctr-never-listens-00001");
        assertThat(TestApi.condition(revision, "Ready").path("reason").asText())
                .isEqualTo("ProgressDeadlineExceeded");
        assertThat(TestApi.condition(revision, "Active").path("reason").asText()).isEqualTo("TimedOut");
        assertThat(revision.at("/status/actualReplicas").asInt(-1)).isZero();
        assertThat(revision.at("/status/desiredReplicas").asInt(-1)).isEqualTo(1);
        JsonNode configurations = awaitCondition(SERVICES + "/ctr-never-listens", "ConfigurationsReady", "False");
        assertThat(configurations.path("reason").asText()).isEqualTo("RevisionFailed");
        assertThat(configurations.path("message").asText()).contains("Initial scale was never achieved");
        assertThat(awaitCondition(SERVICES + "/ctr-never-listens", "Ready", "False").path("message").asText())
                .contains("Initial scale was never achieved");
    }

    /** A Service named {@code name} whose template has {@code annotations} and one container of {@code fields}. */
    static String service(String name, String annotations, String fields) {
        return """
                {"apiVersion":"serving.knative.dev/v1","kind":"Service","metadata":{"name":"%s"},
                 "spec":{"template":{"metadata":{"annotations":{%s}},"spec":{"containers":[{%s}]}}}}"""
                .formatted(name, annotations, fields);
    }

    /** Waits until the object's condition {@code type} has {@code status}; returns the condition. */
    private static JsonNode awaitCondition(String path, String type, String status) {
        return await(path + " " + type + "=" + status).atMost(SETTLE)
                .until(() -> TestApi.condition(KUMO.api().get(path), type),
                        condition -> status.equals(condition.path("status").asText()));
    }
}

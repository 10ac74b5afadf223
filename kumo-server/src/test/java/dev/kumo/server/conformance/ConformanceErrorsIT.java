package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.CONFIGMAPS;
import static dev.kumo.server.conformance.Kumo.REVISIONS;
import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Knative's conformance for failing containers: the failure shows as Ready=False with a message that explains it. */
class ConformanceErrorsIT {

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass();

    /** TestContainerExitingMsg: the exit code and the last line the container logged. */
    @Test
    void aContainerThatExitsReportsItsExitCodeAndLastLogLine() {
        ObjectNode service = Workloads.service("exits");
        ObjectNode container = Workloads.container(service);
        container.putArray("command").add("python3");
        container.putArray("args").add("-c")
                .add("import sys; print('starting up'); print('cannot read /etc/exits.conf'); sys.exit(5)");
        kumo.create(SERVICES, service);

        JsonNode revision = kumo.awaitCondition(REVISIONS + "/exits-00001", "Ready", "False");
        assertThat(revision.path("message").asText()).contains("code 5").contains("cannot read /etc/exits.conf");
        JsonNode ready = kumo.awaitCondition(SERVICES + "/exits", "Ready", "False");
        assertThat(ready.path("message").asText()).contains("code 5").contains("cannot read /etc/exits.conf");
    }

    /** Restarted with exponential backoff, a container that keeps exiting shows as Kubernetes' CrashLoopBackOff. */
    @Test
    void aContainerThatKeepsExitingIsInCrashLoopBackOff() {
        ObjectNode service = Workloads.service("crash-loops");
        ObjectNode container = Workloads.container(service);
        container.putArray("command").add("python3");
        container.putArray("args").add("-c").add("import sys; print('cannot read /etc/loops.conf'); sys.exit(4)");
        kumo.create(SERVICES, service);

        JsonNode healthy = await("crash-loops-00001 ContainerHealthy=False CrashLoopBackOff").atMost(Kumo.SETTLE)
                .until(() -> Kumo.condition(kumo.get(REVISIONS + "/crash-loops-00001"), "ContainerHealthy"),
                        c -> "CrashLoopBackOff".equals(c.path("reason").asText()));
        assertThat(healthy.path("status").asText()).isEqualTo("False");
        assertThat(healthy.path("message").asText())
                .containsPattern("^container exited with code 4 after \\d+ restarts?; back-off \\d+s restarting "
                        + "failed container; last log lines:\n")
                .endsWith("cannot read /etc/loops.conf");
    }

    /**
     * Knative's progress deadline: a container that runs but never listens fails its Revision with
     * ProgressDeadlineExceeded once the template's {@code serving.knative.dev/progress-deadline} has passed, and
     * the message names the failing readiness probe and the last lines the container logged.
     */
    @Test
    void aContainerThatNeverListensFailsAtItsProgressDeadline() {
        ObjectNode service = Workloads.service("never-listens");
        Workloads.template(service).putObject("metadata").putObject("annotations")
                .put("serving.knative.dev/progress-deadline", "3s");
        ObjectNode container = Workloads.container(service);
        container.putArray("command").add("python3");
        container.putArray("args").add("-u").add("-c")
                .add("import time; print('warming the cache'); time.sleep(600)");
        kumo.create(SERVICES, service);

        JsonNode available = kumo.awaitCondition(REVISIONS + "/never-listens-00001", "ResourcesAvailable", "False");
        assertThat(available.path("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(available.path("message").asText())
                .startsWith("Initial scale was never achieved: the container did not become ready within 3s")
                .contains("last readiness probe: TCP probe of 127.0.0.1:").contains("warming the cache");
        JsonNode revision = kumo.get(REVISIONS + "/never-listens-00001");
        assertThat(Kumo.condition(revision, "Ready").path("reason").asText()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(Kumo.condition(revision, "Active").path("reason").asText()).isEqualTo("TimedOut");
        assertThat(revision.at("/status/actualReplicas").asInt(-1)).isZero();
        assertThat(revision.at("/status/desiredReplicas").asInt(-1)).isEqualTo(1);
        JsonNode configurations = kumo.awaitCondition(SERVICES + "/never-listens", "ConfigurationsReady", "False");
        assertThat(configurations.path("reason").asText()).isEqualTo("RevisionFailed");
        assertThat(configurations.path("message").asText()).contains("Initial scale was never achieved");
        assertThat(kumo.awaitCondition(SERVICES + "/never-listens", "Ready", "False").path("message").asText())
                .contains("Initial scale was never achieved");
    }

    /** TestContainerErrorMsg, Kumo's analogue: an image the process runtime cannot run names the runtime that can. */
    @Test
    void anImageOnlyContainerNamesTheRuntimeThatCanRunIt() {
        ObjectNode service = Json.object();
        service.put("apiVersion", "serving.knative.dev/v1").put("kind", "Service");
        service.putObject("metadata").put("name", "image-only");
        service.putObject("spec").putObject("template").putObject("spec").putArray("containers").addObject()
                .put("image", "ghcr.io/knative/helloworld-go:latest");
        kumo.create(SERVICES, service);

        JsonNode ready = kumo.awaitCondition(SERVICES + "/image-only", "Ready", "False");
        assertThat(ready.path("message").asText()).contains("ghcr.io/knative/helloworld-go:latest")
                .contains("podman");
        assertThat(kumo.awaitCondition(REVISIONS + "/image-only-00001", "Ready", "False").path("message").asText())
                .contains("podman");
    }

    /** A ConfigMap the env refers to that does not exist: Ready=False naming it. */
    @Test
    void aMissingConfigMapIsNamed() {
        ObjectNode service = Workloads.service("no-config");
        Workloads.env(service).addObject().put("name", "GREETING").putObject("valueFrom")
                .putObject("configMapKeyRef").put("name", "absent-config").put("key", "greeting");
        kumo.create(SERVICES, service);

        JsonNode ready = kumo.awaitCondition(SERVICES + "/no-config", "Ready", "False");
        assertThat(ready.path("message").asText()).contains("absent-config");
        assertThat(kumo.awaitCondition(REVISIONS + "/no-config-00001", "Ready", "False").path("message").asText())
                .contains("absent-config");
    }

    /** As in Kubernetes (the kubelet retries a pod whose ConfigMap is missing): creating it later heals the Service. */
    @Test
    void aConfigMapCreatedLaterMakesTheServiceReady() {
        ObjectNode service = Workloads.service("late-config");
        Workloads.env(service).addObject().put("name", "TARGET").putObject("valueFrom")
                .putObject("configMapKeyRef").put("name", "late-config").put("key", "target");
        kumo.create(SERVICES, service);
        kumo.awaitCondition(SERVICES + "/late-config", "Ready", "False");

        kumo.create(CONFIGMAPS, Workloads.configMap("late-config", "target", "late"));
        kumo.awaitReady("late-config");
        assertThat(kumo.call("late-config", "/").body()).isEqualTo("Hello late! (late-config-00001)\n");
    }
}

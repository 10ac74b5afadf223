package dev.kumo.runtime.podman;

import static dev.kumo.runtime.podman.PodRuntimeFixture.HTTPD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Kubernetes' exec probes run in the container through podman's exec API. */
class ExecProbeIT {

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();

    @Test
    void anExecReadinessProbeFailsUntilItsCommandSucceedsInTheContainer() throws Exception {
        ProbeSpec readiness = new ProbeSpec(new Probe.Exec(List.of("cat", "/tmp/ready")), Duration.ZERO,
                Duration.ofMillis(200), Duration.ofSeconds(5), 1);
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("gate-00001").command("sh", "-c",
                "(sleep 3; echo ok > /tmp/ready) & " + HTTPD).readiness(readiness).build()).id();

        Instance starting = pods.awaitInstance(id, i -> i.state() instanceof InstanceState.Starting s
                && s.lastProbeFailure().isPresent());
        assertThat(((InstanceState.Starting) starting.state()).lastProbeFailure().orElseThrow())
                .contains("exec probe [cat, /tmp/ready] exited with code 1", "No such file or directory");

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("hello from busybox\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void anExecProbesVariableReferencesAreExpandedWithTheContainersVariables() {
        ProbeSpec readiness = new ProbeSpec(new Probe.Exec(List.of("cat", "$(READY_FILE)")), Duration.ZERO,
                Duration.ofMillis(200), Duration.ofSeconds(5), 1);
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("marked-00001").env("READY_FILE", "/tmp/ready")
                .command("sh", "-c", "(sleep 2; echo ok > /tmp/ready) & " + HTTPD)
                .readiness(readiness).build()).id();

        Instance starting = pods.awaitInstance(id, i -> i.state() instanceof InstanceState.Starting s
                && s.lastProbeFailure().isPresent());
        assertThat(((InstanceState.Starting) starting.state()).lastProbeFailure().orElseThrow())
                .contains("exec probe [cat, /tmp/ready] exited with code 1");

        pods.awaitReady(id);
        pods.runtime().stop(id).join();
    }

    @Test
    void anExecProbeThatOutlivesItsTimeoutFails() {
        ProbeSpec readiness = new ProbeSpec(new Probe.Exec(List.of("sleep", "30")), Duration.ZERO,
                Duration.ofMillis(200), Duration.ofMillis(500), 1);
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("slow-00001").command("sh", "-c", HTTPD)
                .readiness(readiness).build()).id();

        Instance starting = pods.awaitInstance(id, i -> i.state() instanceof InstanceState.Starting s
                && s.lastProbeFailure().isPresent());

        assertThat(((InstanceState.Starting) starting.state()).lastProbeFailure().orElseThrow())
                .contains("exec probe [sleep, 30] timed out after 500 ms");
        pods.runtime().stop(id).join();
    }

    @Test
    void aFailingExecLivenessProbeRestartsTheContainer() {
        ProbeSpec liveness = new ProbeSpec(new Probe.Exec(List.of("cat", "/tmp/alive")), Duration.ZERO,
                Duration.ofMillis(300), Duration.ofSeconds(5), 2);
        String id = pods.runtime().start(PodmanRuntimeIT.busybox("fading-00001").command("sh", "-c",
                "echo yes > /tmp/alive; (sleep 2; busybox rm /tmp/alive) & " + HTTPD).liveness(liveness).build())
                .id();
        pods.awaitReady(id);

        Instance restarted = pods.awaitInstance(id, i -> i.restarts() >= 1);

        assertThat(restarted.lastTermination().orElseThrow().reason())
                .contains("liveness probe failed 2 times", "exec probe [cat, /tmp/alive] exited with code 1");
        pods.awaitReady(id);
        pods.runtime().stop(id).join();
    }
}

package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.ImageWorkload;
import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * gRPC probes of a container against grpc-java's own health service (the grpc-health sample image), reached
 * through the port podman published for the pod on 127.0.0.1: ready only on SERVING, NOT_SERVING named while not,
 * a failing gRPC liveness probe restarts the container, and a warm pod publishes the probed port too.
 */
class GrpcProbeIT {

    @RegisterExtension
    static final PodRuntimeFixture pods = new PodRuntimeFixture();
    private static final String SERVICE = "kumo.test.Greeter";

    @BeforeAll
    static void image() {
        GrpcHealthImage.build();
    }

    @Test
    void readyOnlyOnceTheHealthServiceAnswersServing() throws Exception {
        ProbeSpec readiness = grpc(Optional.empty()).withPeriod(Duration.ofMillis(200));
        String id = pods.runtime().start(grpcHealth("late-00001").env("GRPC_HEALTH", "NOT_SERVING")
                .env("SERVING_AFTER_MS", "5000").readiness(readiness).build()).id();

        Instance starting = pods.awaitInstance(id, i -> i.state() instanceof InstanceState.Starting s
                && s.lastProbeFailure().orElse("").contains("NOT_SERVING"));
        assertThat(((InstanceState.Starting) starting.state()).lastProbeFailure().orElseThrow())
                .startsWith("gRPC probe of 127.0.0.1:")
                .endsWith(": service unhealthy (responded with \"NOT_SERVING\")")
                .doesNotContain("10.88.");
        assertThat(starting.address()).isEmpty();

        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("Hello World!\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void aFailingGrpcLivenessProbeRestartsTheContainer() throws Exception {
        ProbeSpec readiness = grpc(Optional.of(SERVICE)).withPeriod(Duration.ofMillis(200));
        ProbeSpec liveness = grpc(Optional.of(SERVICE)).withPeriod(Duration.ofMillis(300)).withFailureThreshold(2);
        String id = pods.runtime().start(grpcHealth("fading-00001").env("GRPC_SERVICES", SERVICE)
                .readiness(readiness).liveness(liveness).build()).id();
        InstanceAddress ready = pods.awaitReady(id);
        assertThat(pods.runtime().instance(id).orElseThrow().restarts()).isZero();

        assertThat(PodmanRuntimeIT.get(ready, "/health/NOT_SERVING")).isEqualTo("health NOT_SERVING\n");

        Instance restarted = pods.awaitInstance(id, i -> i.restarts() >= 1);
        assertThat(restarted.lastTermination().orElseThrow().reason())
                .contains("liveness probe failed 2 times", "gRPC probe of 127.0.0.1:", "(service " + SERVICE + ")",
                        "service unhealthy (responded with \"NOT_SERVING\")");
        // The new container starts SERVING again.
        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("Hello World!\n");
        pods.runtime().stop(id).join();
    }

    @Test
    void aWarmPodPublishesTheGrpcPortItsProbeNeeds() throws Exception {
        ImageWorkload spec = grpcHealth("warm-00001").readiness(grpc(Optional.empty())
                .withPeriod(Duration.ofMillis(200))).build();
        pods.runtime().prepare(spec, 1);
        await("a warm pod").atMost(PodRuntimeFixture.SETTLE).until(() -> pods.runtime().warmPodsReady() >= 1);

        String id = pods.runtime().start(spec).id();

        assertThat(TestPodman.pods(WarmPool.ROLE, WarmPool.WARM))
                .as("the instance ran in the warm pod").contains(PodLabels.podName(pods.runtime().dataDirKey(), id));
        assertThat(PodmanRuntimeIT.get(pods.awaitReady(id), "/")).isEqualTo("Hello World!\n");
        pods.runtime().prepare(spec, 0);
        pods.runtime().stop(id).join();
    }

    private static ProbeSpec grpc(Optional<String> service) {
        return ProbeSpec.of(new Probe.Grpc(GrpcHealthImage.GRPC_PORT, service));
    }

    private static ImageWorkload.Builder grpcHealth(String revision) {
        String service = revision.substring(0, revision.lastIndexOf('-'));
        return WorkloadSpec.image(RevisionRef.ofService("default", service, revision), GrpcHealthImage.REFERENCE)
                .containerPort(8080).terminationGracePeriod(Duration.ofSeconds(2));
    }
}

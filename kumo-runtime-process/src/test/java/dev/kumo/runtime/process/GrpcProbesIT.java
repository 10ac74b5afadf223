package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.isReady;
import static dev.kumo.runtime.process.Workloads.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gRPC probes of a process against grpc-java's own health service ({@link GrpcHealthWorkload}): ready only while
 * it answers SERVING, the answer named when not, and a failing gRPC liveness probe restarts the process.
 */
class GrpcProbesIT {

    @TempDir
    Path stateDir;
    @TempDir
    Path work;
    private Path control;
    private ProcessRuntime runtime;

    @BeforeEach
    void startRuntime() {
        control = work.resolve("health");
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir)
                .withBackoff(new CrashBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(10))));
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void readyOnlyOnceTheHealthServiceAnswersServing() throws IOException {
        setHealth("NOT_SERVING");
        ProbeSpec readiness = ProbeSpec.of(new Probe.Grpc(0, Optional.empty())).withPeriod(Duration.ofMillis(100));
        String id = runtime.start(workload().readiness(readiness).build()).id();

        await().atMost(Duration.ofSeconds(30)).until(() -> state(runtime, id)
                instanceof InstanceState.Starting starting && starting.lastProbeFailure().orElse("")
                        .contains("NOT_SERVING"));
        var starting = (InstanceState.Starting) state(runtime, id);
        assertThat(starting.lastProbeFailure().orElseThrow()).startsWith("gRPC probe of 127.0.0.1:")
                .endsWith(": service unhealthy (responded with \"NOT_SERVING\")");
        assertThat(runtime.instance(id).flatMap(Instance::address)).isEmpty();

        setHealth("SERVING");
        await().atMost(Duration.ofSeconds(10)).until(() -> isReady(runtime, id));
    }

    @Test
    void aServiceTheServerDoesNotKnowIsNamedInTheFailure() throws IOException {
        setHealth("SERVING");
        ProbeSpec readiness = ProbeSpec.of(new Probe.Grpc(0, Optional.of("kumo.test.Nobody")))
                .withPeriod(Duration.ofMillis(100));
        String id = runtime.start(workload().readiness(readiness).build()).id();

        await().atMost(Duration.ofSeconds(30)).until(() -> state(runtime, id)
                instanceof InstanceState.Starting starting && starting.lastProbeFailure().orElse("")
                        .contains("NotFound"));
        assertThat(((InstanceState.Starting) state(runtime, id)).lastProbeFailure().orElseThrow())
                .contains("gRPC probe of 127.0.0.1:").contains("(service kumo.test.Nobody)")
                .contains("error: health rpc probe failed: rpc error: code = NotFound desc = unknown service");
        assertThat(isReady(runtime, id)).isFalse();
    }

    @Test
    void aFailingGrpcLivenessProbeRestartsTheProcess() throws IOException {
        setHealth("SERVING");
        ProbeSpec readiness = ProbeSpec.of(new Probe.Grpc(0, Optional.of(GrpcHealthWorkload.SERVICE)))
                .withPeriod(Duration.ofMillis(100));
        ProbeSpec liveness = ProbeSpec.of(new Probe.Grpc(0, Optional.of(GrpcHealthWorkload.SERVICE)))
                .withPeriod(Duration.ofMillis(100)).withFailureThreshold(2);
        String id = runtime.start(workload().readiness(readiness).liveness(liveness)
                .terminationGracePeriod(Duration.ofSeconds(2)).build()).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> isReady(runtime, id));
        assertThat(runtime.instance(id).map(Instance::restarts)).contains(0);

        setHealth("NOT_SERVING");

        await().atMost(Duration.ofSeconds(30)).until(() -> runtime.instance(id).map(Instance::restarts).orElse(0) >= 1
                && state(runtime, id) instanceof InstanceState.CrashLoopBackOff);
        var crashLoop = (InstanceState.CrashLoopBackOff) state(runtime, id);
        assertThat(crashLoop.lastTermination().reason())
                .startsWith("liveness probe failed 2 times, the process was restarted: gRPC probe of 127.0.0.1:")
                .endsWith("service unhealthy (responded with \"NOT_SERVING\")");
    }

    private ProcessWorkload.Builder workload() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return WorkloadSpec.process(Workloads.HELLO).command(java, "-cp", System.getProperty("java.class.path"),
                GrpcHealthWorkload.class.getName(), control.toString());
    }

    private void setHealth(String status) throws IOException {
        Path next = work.resolve("health.next");
        Files.writeString(next, status);
        Files.move(next, control, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}

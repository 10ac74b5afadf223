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
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Readiness keeps traffic away from instances that do not answer; liveness restarts those that stop answering. gRPC
 * probes run against grpc-java's own health service ({@link GrpcHealthWorkload}): ready only while it answers
 * SERVING, the answer named when not.
 */
class ProbesIT {

    @TempDir
    Path stateDir;
    @TempDir
    Path work;
    private ProcessRuntime runtime;

    /** The file {@link GrpcHealthWorkload} reads its health status from. */
    private Path control;

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
    void workloadThatNeverListensStaysStartingAndSaysWhy() {
        String id = runtime.start(Workloads.python("silent").build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> state(runtime, id)
                instanceof InstanceState.Starting starting && starting.lastProbeFailure().isPresent());

        var starting = (InstanceState.Starting) state(runtime, id);
        assertThat(starting.lastProbeFailure().orElseThrow()).startsWith("TCP probe of 127.0.0.1:")
                .contains("Connection refused");
        assertThat(runtime.instance(id).flatMap(Instance::address)).isEmpty();
    }

    @Test
    void aWorkloadThatServesNothingIsReadyWhileItRunsWithTheRunningProbe() {
        ProbeSpec running = new ProbeSpec(new Probe.Running(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1), 3);
        String id = runtime.start(Workloads.python("silent").readiness(running).build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
    }

    @Test
    void httpGetReadinessNeedsA2xxOr3xxAnswer() {
        ProbeSpec healthz = ProbeSpec.defaultReadiness().withPeriod(Duration.ZERO);
        ProbeSpec readiness = new ProbeSpec(new Probe.HttpGet("/healthz", 0), healthz.initialDelay(),
                healthz.period(), healthz.timeout(), healthz.failureThreshold());
        String healthy = runtime.start(Workloads.python("serve").readiness(readiness).build()).id();
        String unhealthy = runtime.start(Workloads.python("unhealthy").readiness(readiness).build()).id();

        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, healthy));
        // The first failures are "connection refused" until the workload listens; then it answers 500.
        await().atMost(Duration.ofSeconds(20)).until(() -> state(runtime, unhealthy)
                instanceof InstanceState.Starting starting
                && starting.lastProbeFailure().orElse("").endsWith("failed with statuscode: 500"));

        assertThat(runtime.instance(unhealthy).flatMap(Instance::address)).isEmpty();
    }

    @Test
    void livenessFailuresRestartTheInstance() {
        ProbeSpec liveness = ProbeSpec.of(new Probe.HttpGet("/healthz", 0)).withPeriod(Duration.ofMillis(100))
                .withFailureThreshold(2);
        String id = runtime.start(Workloads.python("unhealthy").liveness(liveness)
                .terminationGracePeriod(Duration.ofSeconds(2)).build()).id();

        var crashLoop = awaitRestartedIntoCrashLoop(id);
        assertThat(crashLoop.lastTermination().reason())
                .startsWith("liveness probe failed 2 times, the process was restarted: HTTP probe GET /healthz")
                .endsWith("failed with statuscode: 500");
        assertThat(crashLoop.lastTermination().exitCode()).isPresent();
    }

    @Test
    void healthyLivenessLeavesTheInstanceAlone() {
        ProbeSpec liveness = ProbeSpec.of(new Probe.TcpSocket(0)).withPeriod(Duration.ofMillis(50))
                .withFailureThreshold(1);
        String id = runtime.start(Workloads.python("serve").liveness(liveness).build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));

        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .until(() -> runtime.instance(id).map(Instance::restarts), restarts -> restarts.equals(Optional.of(0)));
    }

    @Test
    void readyOnlyOnceTheHealthServiceAnswersServing() throws IOException {
        setHealth("NOT_SERVING");
        ProbeSpec readiness = ProbeSpec.of(new Probe.Grpc(0, Optional.empty())).withPeriod(Duration.ofMillis(100));
        String id = runtime.start(grpcHealth().readiness(readiness).build()).id();

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
        String id = runtime.start(grpcHealth().readiness(readiness).build()).id();

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
        String id = runtime.start(grpcHealth().readiness(readiness).liveness(liveness)
                .terminationGracePeriod(Duration.ofSeconds(2)).build()).id();
        await().atMost(Duration.ofSeconds(30)).until(() -> isReady(runtime, id));
        assertThat(runtime.instance(id).map(Instance::restarts)).contains(0);

        setHealth("NOT_SERVING");

        var crashLoop = awaitRestartedIntoCrashLoop(id);
        assertThat(crashLoop.lastTermination().reason())
                .startsWith("liveness probe failed 2 times, the process was restarted: gRPC probe of 127.0.0.1:")
                .endsWith("service unhealthy (responded with \"NOT_SERVING\")");
    }

    /** Waits until the instance was restarted and is backing off; returns that state. */
    private InstanceState.CrashLoopBackOff awaitRestartedIntoCrashLoop(String id) {
        await().atMost(Duration.ofSeconds(20)).until(() -> runtime.instance(id).map(Instance::restarts).orElse(0) >= 1
                && state(runtime, id) instanceof InstanceState.CrashLoopBackOff);
        return (InstanceState.CrashLoopBackOff) state(runtime, id);
    }

    /** grpc-java's own health service ({@link GrpcHealthWorkload}) on $PORT, its status read from {@link #control}. */
    private ProcessWorkload.Builder grpcHealth() {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return WorkloadSpec.process(Workloads.HELLO).command(java, "-cp", System.getProperty("java.class.path"),
                GrpcHealthWorkload.class.getName(), control.toString());
    }

    private void setHealth(String status) throws IOException {
        Path next = work.resolve("health.next");
        Files.writeString(next, status);
        Files.move(next, control, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}

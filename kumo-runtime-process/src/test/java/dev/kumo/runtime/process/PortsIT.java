package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.address;
import static dev.kumo.runtime.process.Workloads.get;
import static dev.kumo.runtime.process.Workloads.isReady;
import static dev.kumo.runtime.process.Workloads.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every instance gets its own port, whatever containerPort says, and is ready only on a socket of its own
 * processes; a workload on a port another process holds, or listening elsewhere, is unhealthy and says who holds
 * what. Ownership is read from Linux's /proc.
 */
@EnabledOnOs(OS.LINUX)
class PortsIT {

    private static final Duration SETTLE = Duration.ofSeconds(20);
    private static final long TEST_PID = ProcessHandle.current().pid();

    @TempDir
    Path stateDir;
    private ProcessRuntime runtime;
    private ServerSocket held;

    @BeforeEach
    void startRuntime() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir)
                .withBackoff(new CrashBackoff(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofMinutes(10))));
    }

    @AfterEach
    void closeRuntime() throws IOException {
        runtime.close();
        if (held != null) {
            held.close();
        }
    }

    @Test
    void twoInstancesOfAWorkloadDeclaringContainerPort8080EachServeOnTheirOwnPort() {
        String first = runtime.start(Workloads.python("serve").containerPort(8080).build()).id();
        String second = runtime.start(Workloads.python("serve").containerPort(8080).build()).id();

        await().atMost(SETTLE).until(() -> isReady(runtime, first) && isReady(runtime, second));

        int firstPort = address(runtime, first).port();
        int secondPort = address(runtime, second).port();
        assertThat(firstPort).isNotEqualTo(secondPort).isNotEqualTo(8080);
        assertThat(get(address(runtime, first), "/env")).contains("\"PORT\": \"" + firstPort + "\"");
        assertThat(get(address(runtime, second), "/env")).contains("\"PORT\": \"" + secondPort + "\"");
    }

    @Test
    void aProbeNamingTheContainerPortChecksTheInstancesOwnPort() {
        ProbeSpec healthz = ProbeSpec.defaultReadiness().withPeriod(Duration.ofMillis(100));
        healthz = new ProbeSpec(new Probe.HttpGet("/healthz", 8080), healthz.initialDelay(), healthz.period(),
                healthz.timeout(), healthz.failureThreshold());
        String id = runtime.start(Workloads.python("serve").containerPort(8080).readiness(healthz).build()).id();

        await().atMost(SETTLE).until(() -> isReady(runtime, id));

        assertThat(address(runtime, id).port()).isNotEqualTo(8080);
    }

    @Test
    void aWorkloadOnAFixedPortHeldByAnotherProcessIsUnhealthyNamingThePortAndItsHolder() throws IOException {
        int taken = holdAPort();
        String id = runtime.start(Workloads.python("fixed").containerPort(taken)
                .env("FIXED_PORT", Integer.toString(taken)).build()).id();

        InstanceState.Unhealthy unhealthy = awaitUnhealthy(id);

        assertThat(unhealthy.reason()).isEqualTo("PortInUse");
        assertThat(unhealthy.message()).contains("port " + taken + ", its containerPort, is held by pid " + TEST_PID
                + " (", "java", "$PORT", "Address already in use");
        assertThat(isReady(runtime, id)).isFalse();
    }

    @Test
    void aProbeReachingAnotherProcessOnItsPortDoesNotMakeTheInstanceReady() throws IOException {
        int taken = holdAPort();
        ProbeSpec probeTaken = new ProbeSpec(new Probe.TcpSocket(taken), java.time.Duration.ZERO,
                Duration.ofMillis(100), Duration.ofSeconds(1), 3);
        String id = runtime.start(Workloads.python("serve").readiness(probeTaken).build()).id();

        InstanceState.Unhealthy unhealthy = awaitUnhealthy(id);

        assertThat(unhealthy.reason()).isEqualTo("PortInUse");
        assertThat(unhealthy.message()).startsWith("127.0.0.1:" + taken + ", the port its probe checks, is held by pid "
                + TEST_PID + " (").contains("java", "not one of the instance's processes");
        assertThat(isReady(runtime, id)).isFalse();
    }

    @Test
    void aWorkloadListeningElsewhereIsUnhealthyNamingWhereItListens() throws IOException {
        int elsewhere = freePort();
        String id = runtime.start(Workloads.python("fixed").env("FIXED_PORT", Integer.toString(elsewhere)).build())
                .id();

        InstanceState.Unhealthy unhealthy = awaitUnhealthy(id);

        assertThat(unhealthy.reason()).isEqualTo("ListeningElsewhere");
        assertThat(unhealthy.message()).startsWith("the container listens on 127.0.0.1:" + elsewhere + " (pid ")
                .contains("workload.py fixed", "but not on 127.0.0.1:", ", this instance's PORT", "$PORT");
        assertThat(isReady(runtime, id)).isFalse();
    }

    private InstanceState.Unhealthy awaitUnhealthy(String id) {
        await().atMost(SETTLE).until(() -> state(runtime, id) instanceof InstanceState.Unhealthy);
        return (InstanceState.Unhealthy) state(runtime, id);
    }

    /** Listens on a free loopback port from this (the test's) process and answers the port. */
    private int holdAPort() throws IOException {
        held = new ServerSocket();
        held.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return held.getLocalPort();
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }
}

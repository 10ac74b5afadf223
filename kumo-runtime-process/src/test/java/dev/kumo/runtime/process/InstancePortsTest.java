package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.Probe;
import org.junit.jupiter.api.Test;

/** Probes are aimed at the instance's own port when they name no port or the containerPort. */
class InstancePortsTest {

    private final InstancePorts ports = new InstancePorts(41234, 8080);

    @Test
    void aProbeWithoutAPortChecksTheInstancesOwnPort() {
        assertThat(ports.target(Probe.defaultTcp())).isEqualTo(41234);
    }

    @Test
    void aProbeNamingTheContainerPortChecksTheInstancesOwnPort() {
        assertThat(ports.target(new Probe.HttpGet("/healthz", 8080))).isEqualTo(41234);
        assertThat(ports.target(new Probe.TcpSocket(8080))).isEqualTo(41234);
    }

    @Test
    void aProbeNamingAnotherPortChecksThatPort() {
        assertThat(ports.target(new Probe.TcpSocket(9090))).isEqualTo(9090);
    }

    @Test
    void withoutADeclaredPortOnlyPortZeroMeansTheInstancesPort() {
        InstancePorts undeclared = new InstancePorts(41234, 0);
        assertThat(undeclared.target(new Probe.TcpSocket(0))).isEqualTo(41234);
        assertThat(undeclared.target(new Probe.TcpSocket(9090))).isEqualTo(9090);
    }
}

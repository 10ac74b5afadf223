package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.VariableReferences;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one probe of a container in a pod: exec inside the container, everything else (TCP, HTTP GET, gRPC health)
 * through the port podman published for the pod on 127.0.0.1. Empty when it passed, else why not. An exec
 * command's {@code $(VAR)} references are expanded with the container's variables, as the kubelet does.
 */
final class ContainerProbe {

    private ContainerProbe() {
    }

    static Optional<String> probe(PodmanClient podman, String container, Probe probe, int hostPort,
            Duration timeout, Map<String, String> env) {
        return probe instanceof Probe.Exec exec
                ? ExecProbe.probe(podman, container, new Probe.Exec(VariableReferences.expand(exec.command(), env)),
                        timeout)
                : podman.probes().probe(probe, hostPort, timeout);
    }
}

package dev.kumo.runtime.podman;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A pod made ahead of demand, handed to the instance that starts in it: the instance id its name and labels were
 * made for, the pod (infra running, ports published), the workload container created and initialised but not
 * started, the loopback port bound to each published container port, and the container's log file (known from its
 * creation on).
 */
record WarmPod(String instanceId, String pod, String container, Map<Integer, Integer> hostPorts,
        Optional<Path> logFile) {

    WarmPod {
        hostPorts = Map.copyOf(hostPorts);
    }
}

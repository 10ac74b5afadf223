package dev.kumo.runtime.podman;

import java.util.Map;

/**
 * A pod made ahead of demand, handed to the instance that starts in it: the instance id its name and labels were
 * made for, the pod (infra running, ports published), the workload container created but not started, and the
 * loopback port bound to each published container port.
 */
record WarmPod(String instanceId, String pod, String container, Map<Integer, Integer> hostPorts) {

    WarmPod {
        hostPorts = Map.copyOf(hostPorts);
    }
}

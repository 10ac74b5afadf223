package dev.kumo.runtime.podman;

import dev.kumo.runtime.spi.ImagePull;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A pod made ahead of demand, handed to the instance that starts in it: the instance id its name and labels were
 * made for, the pod (infra running, ports published), the workload container created and initialised but not
 * started, the loopback port bound to each published container port, the container's log file (known from its
 * creation on), and how its image was had (present, pulled), told again by the instance that starts in it.
 */
record WarmPod(String instanceId, String pod, String container, Map<Integer, Integer> hostPorts,
        Optional<Path> logFile, List<ImagePull> images) {

    WarmPod {
        hostPorts = Map.copyOf(hostPorts);
        images = List.copyOf(images);
    }
}

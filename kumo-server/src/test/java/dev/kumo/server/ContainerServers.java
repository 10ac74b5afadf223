package dev.kumo.server;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.runtime.podman.TestPodman;
import dev.kumo.serving.RuntimeSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * In-process servers running both the process and the container runtime, with a short stable window and grace
 * period so that scaling to zero takes seconds; and the pods each one made, told apart from every other Kumo's.
 */
final class ContainerServers {

    private ContainerServers() {
    }

    /** A server on {@code dataDir} with both runtimes on. */
    static KumoServer start(Path dataDir) {
        return KumoServer.start(TestServers.config(dataDir)
                .withRuntimes(new RuntimeSettings(Set.of(RuntimeName.PROCESS, RuntimeName.CONTAINER),
                        RuntimeName.PROCESS))
                .withAutoscaler(AutoscalerConfig.parse(Map.of("stable-window", "6s",
                        "scale-to-zero-grace-period", "1s"))));
    }

    /** The pods of the server on {@code dataDir} (its container runtime's state is {@code instances/container}). */
    static List<String> pods(Path dataDir) {
        return TestPodman.podsOf(dataDir.resolve("instances").resolve("container"));
    }
}

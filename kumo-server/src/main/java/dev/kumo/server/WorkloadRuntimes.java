package dev.kumo.server;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.podman.PodmanRuntime;
import dev.kumo.runtime.podman.PodmanRuntimeConfig;
import dev.kumo.runtime.process.ProcessRuntime;
import dev.kumo.runtime.process.ProcessRuntimeConfig;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.runtime.support.LogRetention;
import dev.kumo.serving.RuntimeFactory;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The runtimes built into this Kumo, started by name: the one place a {@link WorkloadRuntime} is made, for Revisions
 * and ContainerSources. Each runtime is a module of its own; only the composition root depends on them. The
 * container runtime (podman) uses the server's podman socket if one is given, else starts its own podman service
 * under its state directory when the first image runs.
 */
public final class WorkloadRuntimes implements RuntimeFactory {

    /** The built-in runtimes with default settings: Kumo's own podman service. */
    public static final WorkloadRuntimes BUILT_IN = new WorkloadRuntimes(Optional.empty());

    private final Optional<Path> podmanSocket;
    private final LogRetention logs;

    /** The built-in runtimes, the container runtime using the podman service at {@code podmanSocket} if given. */
    public WorkloadRuntimes(Optional<Path> podmanSocket) {
        this(podmanSocket, LogRetention.DEFAULTS);
    }

    /** The same, keeping the instances' logs as {@code logs} says. */
    public WorkloadRuntimes(Optional<Path> podmanSocket, LogRetention logs) {
        this.podmanSocket = podmanSocket;
        this.logs = logs;
    }

    /** The built-in runtimes with the server's settings ({@code --podman-socket}, the workload logs' retention). */
    static WorkloadRuntimes of(ServerConfig config) {
        return new WorkloadRuntimes(config.podmanSocket(), config.runtimes().logs());
    }

    @Override
    public WorkloadRuntime start(RuntimeName name, Path stateDir) {
        return switch (name) {
            case PROCESS -> ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir).withLogRetention(logs));
            case CONTAINER -> PodmanRuntime.start(podmanSocket.map(PodmanRuntimeConfig.defaults(stateDir)::withSocket)
                    .orElseGet(() -> PodmanRuntimeConfig.defaults(stateDir)).withLogRetention(logs));
        };
    }
}

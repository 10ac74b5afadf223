package dev.kumo.server;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.process.ProcessRuntime;
import dev.kumo.runtime.process.ProcessRuntimeConfig;
import dev.kumo.runtime.spi.WorkloadRuntime;
import dev.kumo.serving.RuntimeFactory;
import java.nio.file.Path;

/**
 * The runtimes built into this Kumo, started by name: the one place a {@link WorkloadRuntime} is made, for Revisions
 * and ContainerSources. Each runtime is a module of its own; only the composition root depends on them.
 */
public final class WorkloadRuntimes implements RuntimeFactory {

    /** The one instance. */
    public static final WorkloadRuntimes BUILT_IN = new WorkloadRuntimes();

    private WorkloadRuntimes() {
    }

    @Override
    public WorkloadRuntime start(RuntimeName name, Path stateDir) {
        return switch (name) {
            case PROCESS -> ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
            case CONTAINER -> throw new IllegalArgumentException("runtimes: container: no container runtime is built "
                    + "into this Kumo yet");
        };
    }
}

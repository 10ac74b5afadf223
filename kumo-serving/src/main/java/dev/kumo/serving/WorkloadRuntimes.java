package dev.kumo.serving;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.process.ProcessRuntime;
import dev.kumo.runtime.process.ProcessRuntimeConfig;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.nio.file.Path;

/** Starts a runtime by name: the one place a {@link WorkloadRuntime} is made, for Revisions and ContainerSources. */
public final class WorkloadRuntimes {

    private WorkloadRuntimes() {
    }

    /** Starts the runtime named {@code name}, its state (instance records, logs, temp dirs) under {@code stateDir}. */
    public static WorkloadRuntime start(RuntimeName name, Path stateDir) {
        return switch (name) {
            case PROCESS -> ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
            case CONTAINER -> throw new IllegalArgumentException("runtimes: container: no container runtime is built "
                    + "into this Kumo yet");
        };
    }
}

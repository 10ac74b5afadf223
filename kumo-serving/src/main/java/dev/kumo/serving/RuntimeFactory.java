package dev.kumo.serving;

import dev.kumo.api.serving.RuntimeName;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.nio.file.Path;

/** Starts a runtime by name; the composition root gives the runtimes it is built with, so serving names none. */
@FunctionalInterface
public interface RuntimeFactory {

    /** Starts the runtime named {@code name}, its state (instance records, logs, temp dirs) under {@code stateDir}. */
    WorkloadRuntime start(RuntimeName name, Path stateDir);
}

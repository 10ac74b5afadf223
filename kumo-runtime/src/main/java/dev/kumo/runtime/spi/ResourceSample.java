package dev.kumo.runtime.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What an instance has used, as its runtime measured it now: CPU time since it started (all its processes where
 * the runtime can tell) and the memory it holds now, where known.
 */
public record ResourceSample(Duration cpuTime, OptionalLong memoryBytes) {

    public ResourceSample {
        Objects.requireNonNull(cpuTime, "cpuTime");
        Objects.requireNonNull(memoryBytes, "memoryBytes");
    }
}

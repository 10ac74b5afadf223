package dev.kumo.runtime.spi;

import java.util.Objects;
import java.util.OptionalLong;

/** Kubernetes' {@code resources.limits} the runtime enforces: memory in bytes and CPU in millicores. */
public record WorkloadLimits(OptionalLong memoryBytes, OptionalLong cpuMillis) {

    /** No limit. */
    public static final WorkloadLimits NONE = new WorkloadLimits(OptionalLong.empty(), OptionalLong.empty());

    public WorkloadLimits {
        Objects.requireNonNull(memoryBytes, "memoryBytes");
        Objects.requireNonNull(cpuMillis, "cpuMillis");
        if (memoryBytes.isPresent() && memoryBytes.getAsLong() <= 0
                || cpuMillis.isPresent() && cpuMillis.getAsLong() <= 0) {
            throw new IllegalArgumentException("limits must be positive, got memory " + memoryBytes + " and cpu "
                    + cpuMillis);
        }
    }

    /** Whether any limit is set. */
    public boolean any() {
        return memoryBytes.isPresent() || cpuMillis.isPresent();
    }
}

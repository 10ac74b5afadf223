package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.WorkloadLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Says how an instance's memory and CPU limits are enforced on this host, for the Revision's status. */
final class Limits {

    private Limits() {
    }

    /** One sentence per limit set, empty when none is. */
    static Optional<String> inForce(WorkloadLimits limits, Cgroups cgroups) {
        List<String> parts = new ArrayList<>();
        limits.memoryBytes().ifPresent(bytes -> parts.add("memory " + bytes + " bytes: " + cgroups.with("memory")
                .map(h -> h.version() == 2 ? "cgroup v2 memory.max (OOM-killed above it)"
                        : "cgroup v1 memory.limit_in_bytes (OOM-killed above it)")
                .orElse(Containment.find("prlimit").isPresent()
                        ? "RLIMIT_AS (prlimit; no writable memory cgroup): caps address space, so allocations fail"
                        + " above it"
                        : "not enforced (no writable memory cgroup and no prlimit)")));
        limits.cpuMillis().ifPresent(millis -> parts.add("cpu " + millis + "m: " + cgroups.with("cpu")
                .map(h -> h.version() == 2 ? "cgroup v2 cpu.max" : "cgroup v1 cpu.cfs_quota_us/cpu.cfs_period_us")
                .orElse("not enforced (no writable cpu cgroup)")));
        return parts.isEmpty() ? Optional.empty() : Optional.of("resources.limits " + String.join("; ", parts));
    }
}

package dev.kumo.runtime.process;

import dev.kumo.runtime.spi.ResourceSample;
import dev.kumo.runtime.spi.WorkloadLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One instance's cgroup, a directory in each hierarchy the server uses (the first tracks its processes): every
 * descendant of the workload stays in it whatever it does (setsid, double fork), so stopping the instance kills the
 * whole cgroup. It also carries the instance's memory and CPU limits and counts its OOM kills.
 */
final class InstanceCgroup {

    /** Kubernetes' CFS period. */
    static final long CPU_PERIOD_MICROS = 100_000;
    private static final long MIN_CPU_QUOTA_MICROS = 1_000;
    private static final Duration POLL = Duration.ofMillis(10);

    private final List<Path> dirs;

    private InstanceCgroup(List<Path> dirs) {
        this.dirs = List.copyOf(dirs);
    }

    /** An existing cgroup, as recorded or found (the tracking directory first). */
    static InstanceCgroup of(List<Path> dirs) {
        return new InstanceCgroup(dirs);
    }

    /**
     * Creates the directories and writes the limits each hierarchy can enforce: in the tracking hierarchy always, in
     * a further (v1) one only when it enforces a limit the instance has, as joining a cgroup costs the launch a
     * migration (milliseconds on a busy host) and one without a limit would change nothing.
     */
    static InstanceCgroup create(Cgroups cgroups, String instanceId, WorkloadLimits limits) throws IOException {
        List<Path> dirs = new ArrayList<>();
        try {
            for (Cgroups.Hierarchy hierarchy : cgroups.hierarchies()) {
                if (!dirs.isEmpty() && !enforces(hierarchy, limits)) {
                    continue;
                }
                Path dir = hierarchy.parent().resolve(instanceId);
                Files.createDirectory(dir);
                dirs.add(dir);
                limit(hierarchy, dir, limits);
            }
        } catch (IOException e) {
            new InstanceCgroup(dirs).remove();
            throw new IOException("creating the cgroup of instance " + instanceId + ": " + e.getMessage(), e);
        }
        return new InstanceCgroup(dirs);
    }

    private static boolean enforces(Cgroups.Hierarchy hierarchy, WorkloadLimits limits) {
        return hierarchy.controllers().contains("memory") && limits.memoryBytes().isPresent()
                || hierarchy.controllers().contains("cpu") && limits.cpuMillis().isPresent();
    }

    private static void limit(Cgroups.Hierarchy hierarchy, Path dir, WorkloadLimits limits) throws IOException {
        boolean v2 = hierarchy.version() == 2;
        if (hierarchy.controllers().contains("memory") && limits.memoryBytes().isPresent()) {
            String bytes = Long.toString(limits.memoryBytes().getAsLong());
            if (v2) {
                CgroupFiles.write(dir.resolve("memory.max"), bytes);
                writeIfPresent(dir.resolve("memory.swap.max"), "0");
                // Kubernetes (1.28+) kills the whole container when one of its processes is OOM-killed.
                writeIfPresent(dir.resolve("memory.oom.group"), "1");
            } else {
                CgroupFiles.write(dir.resolve("memory.limit_in_bytes"), bytes);
                writeIfPresent(dir.resolve("memory.memsw.limit_in_bytes"), bytes);
            }
        }
        if (hierarchy.controllers().contains("cpu") && limits.cpuMillis().isPresent()) {
            long quota = Math.max(MIN_CPU_QUOTA_MICROS, limits.cpuMillis().getAsLong() * CPU_PERIOD_MICROS / 1000);
            if (v2) {
                CgroupFiles.write(dir.resolve("cpu.max"), quota + " " + CPU_PERIOD_MICROS);
            } else {
                CgroupFiles.write(dir.resolve("cpu.cfs_period_us"), Long.toString(CPU_PERIOD_MICROS));
                CgroupFiles.write(dir.resolve("cpu.cfs_quota_us"), Long.toString(quota));
            }
        }
    }

    private static void writeIfPresent(Path file, String value) throws IOException {
        if (Files.exists(file)) {
            CgroupFiles.write(file, value);
        }
    }

    /** The directories, the tracking one first (what the instance record keeps). */
    List<Path> dirs() {
        return dirs;
    }

    /** The {@code cgroup.procs} files the launch wrapper writes its own pid into before it execs the workload. */
    List<Path> procsFiles() {
        return dirs.stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    /** The pids in the cgroup now. */
    List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        dirs.forEach(dir -> CgroupFiles.pids(dir).stream().filter(pid -> !pids.contains(pid)).forEach(pids::add));
        return pids;
    }

    /**
     * The cgroup's CPU time since it was made and its memory now, where the kernel counts them (v2 {@code cpu.stat}
     * and {@code memory.current}; v1 {@code cpuacct.usage} and {@code memory.usage_in_bytes}); empty otherwise.
     */
    Optional<ResourceSample> usage() {
        OptionalLong cpuNanos = OptionalLong.empty();
        OptionalLong memory = OptionalLong.empty();
        for (Path dir : dirs) {
            OptionalLong v2 = CgroupFiles.keyed(dir.resolve("cpu.stat"), "usage_usec");
            OptionalLong cpu = v2.isPresent() ? OptionalLong.of(v2.getAsLong() * 1000)
                    : number(dir.resolve("cpuacct.usage"));
            cpuNanos = cpuNanos.isPresent() ? cpuNanos : cpu;
            OptionalLong bytes = number(dir.resolve("memory.current"));
            memory = memory.isPresent() ? memory : bytes.isPresent() ? bytes : number(dir.resolve("memory.usage_in_bytes"));
        }
        return cpuNanos.isPresent() ? Optional.of(new ResourceSample(Duration.ofNanos(cpuNanos.getAsLong()), memory))
                : Optional.empty();
    }

    private static OptionalLong number(Path file) {
        return CgroupFiles.read(file).map(String::trim).filter(text -> text.matches("\\d+"))
                .map(text -> OptionalLong.of(Long.parseLong(text))).orElse(OptionalLong.empty());
    }

    /** How many times the kernel OOM-killed a process of this cgroup (memory.events, or v1 memory.oom_control). */
    long oomKills() {
        long kills = 0;
        for (Path dir : dirs) {
            OptionalLong v2 = CgroupFiles.keyed(dir.resolve("memory.events"), "oom_kill");
            OptionalLong v1 = CgroupFiles.keyed(dir.resolve("memory.oom_control"), "oom_kill");
            kills += v2.orElse(v1.orElse(0));
        }
        return kills;
    }

    /**
     * SIGKILL to every process in the cgroup ({@code cgroup.kill} where the kernel has it, else pid by pid until
     * none is left, which also catches children forked meanwhile), then waits until each is reaped by its parent;
     * answers whether all are gone within the wait.
     */
    boolean killAll(Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        List<ProcessHandle> killed = new ArrayList<>();
        pids().forEach(pid -> ProcessHandle.of(pid).ifPresent(killed::add));
        for (Path dir : dirs) {
            Path kill = dir.resolve("cgroup.kill");
            if (Files.exists(kill)) {
                try {
                    CgroupFiles.write(kill, "1");
                } catch (IOException e) {
                    // Fall back to killing pid by pid below.
                }
            }
        }
        while (true) {
            List<Long> left = pids();
            for (Long pid : left) {
                ProcessHandle.of(pid).ifPresent(handle -> {
                    handle.destroyForcibly();
                    killed.add(handle);
                });
            }
            // Out of the cgroup is not yet gone: an exited process stays a zombie until its parent reaps it.
            if (left.isEmpty() && killed.stream().noneMatch(ProcessHandle::isAlive)) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return pids().isEmpty();
            }
        }
    }

    /** Removes the directories (they must be empty of processes); what cannot be removed is left for the reaper. */
    void remove() {
        for (Path dir : dirs.reversed()) {
            try {
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // Still has processes (a kill that timed out): the next server's reaper tries again.
            }
        }
    }
}

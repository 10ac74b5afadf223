package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.state;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.Termination;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Memory and CPU limits are enforced by the instance's cgroup, or memory by RLIMIT_AS without one. */
class LimitsIT {

    private static final long MEMORY_64MI = 64L * 1024 * 1024;
    private static final String ALLOCATE = "import os\nprint(f'pids {os.getpid()}', flush=True)\nheld = []\n"
            + "while True:\n    held.append(bytearray(8 << 20))\n";

    @TempDir
    Path stateDir;

    @Test
    void aWorkloadOverItsMemoryLimitIsOomKilled() {
        HostCapabilities.assumeController(stateDir, "memory");
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            String id = runtime.start(allocating().build()).id();

            Termination last = await().atMost(Duration.ofSeconds(30)).until(() -> lastTermination(runtime, id),
                    Optional::isPresent).orElseThrow();

            assertThat(last.oomKilled()).isTrue();
            assertThat(last.exitCode()).hasValue(137);
            assertThat(last.reason()).startsWith("OOMKilled");
        }
    }

    @Test
    void withoutCgroupsMemoryIsCappedByRlimitAs() {
        HostCapabilities.assume(Containment.find("prlimit").isPresent(), "prlimit (util-linux) is not installed");
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir)
                .withoutCgroups())) {
            String id = runtime.start(allocating().build()).id();

            Termination last = await().atMost(Duration.ofSeconds(30)).until(() -> lastTermination(runtime, id),
                    Optional::isPresent).orElseThrow();

            assertThat(last.oomKilled()).isFalse();
            assertThat(last.exitCode()).hasValue(1);
            assertThat(String.join("\n", last.lastLogLines())).contains("MemoryError");
        }
    }

    @Test
    void theCpuLimitIsWrittenToTheInstanceCgroup() throws Exception {
        HostCapabilities.assumeController(stateDir, "cpu");
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            String id = runtime.start(Workloads.python("spawn").limits(new WorkloadLimits(OptionalLong.empty(),
                    OptionalLong.of(500))).build()).id();
            long pid = SpawnedPids.of(runtime, id).getFirst().pid();

            Cgroups.Mounted cpu = Cgroups.mounted(Files.readString(Path.of("/proc/self/mountinfo")),
                    Files.readString(Path.of("/proc/" + pid + "/cgroup"))).stream()
                    .filter(m -> m.version() == 1 && m.controllers().contains("cpu")
                            || m.version() == 2 && Files.exists(m.serverDir().resolve("cpu.max")))
                    .findFirst().orElseThrow();

            if (cpu.version() == 1) {
                assertThat(Files.readString(cpu.serverDir().resolve("cpu.cfs_quota_us")).strip()).isEqualTo("50000");
                assertThat(Files.readString(cpu.serverDir().resolve("cpu.cfs_period_us")).strip())
                        .isEqualTo("100000");
            } else {
                assertThat(Files.readString(cpu.serverDir().resolve("cpu.max")).strip()).isEqualTo("50000 100000");
            }
            assertThat(cpu.serverDir().getFileName().toString()).isEqualTo(id);
            assertThat(runtime.limitsInForce(new WorkloadLimits(OptionalLong.of(MEMORY_64MI), OptionalLong.of(500))))
                    .hasValueSatisfying(text -> assertThat(text).contains("cpu 500m: cgroup v"));
        }
    }

    private static ProcessWorkload.Builder allocating() {
        return WorkloadSpec.process(Workloads.HELLO).command("python3", "-c", ALLOCATE)
                .readiness(new ProbeSpec(new Probe.Running(), Duration.ZERO, Duration.ZERO, Duration.ofSeconds(1),
                        3))
                .limits(new WorkloadLimits(OptionalLong.of(MEMORY_64MI), OptionalLong.empty()));
    }

    private static Optional<Termination> lastTermination(ProcessRuntime runtime, String id) {
        return switch (state(runtime, id)) {
            case InstanceState.CrashLoopBackOff loop -> Optional.of(loop.lastTermination());
            case InstanceState.Failed failed -> Optional.of(failed.termination());
            default -> Optional.empty();
        };
    }
}

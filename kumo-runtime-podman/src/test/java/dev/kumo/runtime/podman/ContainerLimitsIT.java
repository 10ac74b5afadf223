package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * resources.limits of an image instance, read back from inside the container's own cgroup (v1 or v2, as the host
 * has): CPU 500m is a CFS quota of 50000 µs per 100000 µs, memory 64Mi is the memory limit with no swap beyond it.
 * (A hog over the limit being OOMKilled with exit 137 is {@code PodmanRuntimeIT}'s and, through the server,
 * {@code ContainerResourcesIT}'s.)
 */
class ContainerLimitsIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final long MEMORY = 64L << 20;
    private static final boolean CGROUP_V2 = Files.exists(Path.of("/sys/fs/cgroup/cgroup.controllers"));

    @TempDir
    static Path stateDir;
    private static PodmanRuntime runtime;
    private static InstanceAddress address;

    @BeforeAll
    static void startAnInstanceWithLimits() {
        TestPodman.assume();
        runtime = PodmanRuntime.start(PodmanRuntimeConfig.defaults(stateDir));
        String id = runtime.start(WorkloadSpec.image(RevisionRef.ofService("default", "lim", "lim-00001"),
                        BusyboxImage.reference()).command("sh", "-c", RunRoute.HTTPD)
                .volume(RunRoute.volume()).mount(RunRoute.mount())
                .limits(new WorkloadLimits(OptionalLong.of(MEMORY), OptionalLong.of(500))).build()).id();
        address = await().atMost(SETTLE).until(() -> runtime.instance(id).orElseThrow(),
                i -> i.state() instanceof InstanceState.Ready).address().orElseThrow();
    }

    @AfterAll
    static void closeRuntime() {
        if (runtime != null) {
            String key = runtime.dataDirKey();
            runtime.close();
            TestPodman.removeLabelled(PodLabels.DATA_DIR_KEY, key);
        }
    }

    @Test
    void aCpuLimitOf500mIsACfsQuotaOfHalfEachPeriod() throws Exception {
        if (CGROUP_V2) {
            assertThat(RunRoute.run(address, "cat /sys/fs/cgroup/cpu.max")).isEqualTo("50000 100000\n");
        } else {
            assertThat(RunRoute.run(address, "cat /sys/fs/cgroup/cpu/cpu.cfs_quota_us")).isEqualTo("50000\n");
            assertThat(RunRoute.run(address, "cat /sys/fs/cgroup/cpu/cpu.cfs_period_us")).isEqualTo("100000\n");
        }
    }

    @Test
    void aMemoryLimitIsTheContainersCgroupLimitWithNoSwap() throws Exception {
        if (CGROUP_V2) {
            assertThat(RunRoute.run(address, "cat /sys/fs/cgroup/memory.max")).isEqualTo(MEMORY + "\n");
            assertThat(RunRoute.run(address, "cat /sys/fs/cgroup/memory.swap.max")).isEqualTo("0\n");
        } else {
            assertThat(RunRoute.run(address, "cat /sys/fs/cgroup/memory/memory.limit_in_bytes"))
                    .isEqualTo(MEMORY + "\n");
            String memsw = RunRoute.run(address, "cat /sys/fs/cgroup/memory/memory.memsw.limit_in_bytes");
            // Without swap accounting in the kernel the file is missing, and there is no swap to limit.
            if (!memsw.contains("No such file")) {
                assertThat(memsw).isEqualTo(MEMORY + "\n");
            }
        }
    }
}

package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The server's cgroup directories are found from mountinfo and /proc/self/cgroup, unified first. */
class CgroupsTest {

    private static final String HYBRID_MOUNTS = """
            30 22 0:27 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
            31 30 0:28 / /sys/fs/cgroup/cpu rw,relatime - cgroup cgroup rw,cpu
            34 30 0:31 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
            38 30 0:35 / /sys/fs/cgroup/systemd rw,relatime - cgroup cgroup rw,name=systemd
            39 30 0:36 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
            """;
    private static final String HYBRID_OWN = """
            9:name=systemd:/
            4:memory:/process_api/6cbc
            1:cpu:/
            0::/
            """;

    @Test
    void hybridHostGivesUnifiedThenMemoryThenCpu() {
        List<Cgroups.Mounted> mounted = Cgroups.mounted(HYBRID_MOUNTS, HYBRID_OWN);

        assertThat(mounted).containsExactly(
                new Cgroups.Mounted(2, Set.of(), Path.of("/sys/fs/cgroup/unified")),
                new Cgroups.Mounted(1, Set.of("memory"), Path.of("/sys/fs/cgroup/memory/process_api/6cbc")),
                new Cgroups.Mounted(1, Set.of("cpu"), Path.of("/sys/fs/cgroup/cpu")));
    }

    @Test
    void unifiedHostInAServiceCgroup() {
        List<Cgroups.Mounted> mounted = Cgroups.mounted(
                "25 19 0:23 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:4 - cgroup2 cgroup2 rw\n",
                "0::/user.slice/user-1000.slice/user@1000.service/app.slice/kumo.scope\n");

        assertThat(mounted).containsExactly(new Cgroups.Mounted(2, Set.of(), Path.of(
                "/sys/fs/cgroup/user.slice/user-1000.slice/user@1000.service/app.slice/kumo.scope")));
    }

    @Test
    void theParentIsNamedAfterTheStateDirectory() {
        assertThat(Cgroups.key(Path.of("/data/a"))).hasSize(12).isNotEqualTo(Cgroups.key(Path.of("/data/b")))
                .isEqualTo(Cgroups.key(Path.of("/data/./a")));
    }
}

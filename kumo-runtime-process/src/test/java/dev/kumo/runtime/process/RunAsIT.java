package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Probe;
import dev.kumo.runtime.spi.ProbeSpec;
import dev.kumo.runtime.spi.RunAsSpec;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A root server starts a workload as its runAsUser, with a temp dir that user can write. */
class RunAsIT {

    @TempDir
    Path stateDir;

    @Test
    void runAsUserIsTheProcessUid() throws Exception {
        HostCapabilities.assumeRoot();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            WorkloadSpec spec = WorkloadSpec.process(Workloads.HELLO)
                    // $$$$: the kubelet's expansion makes it the shell's $$, as on Kubernetes.
                    .command("/bin/sh", "-c", "echo ok > \"$TMPDIR/scratch\" && echo \"home $HOME\""
                            + " && echo \"pids $$$$\" && exec sleep 300")
                    .readiness(new ProbeSpec(new Probe.Running(), Duration.ZERO, Duration.ZERO,
                            Duration.ofSeconds(1), 3))
                    .runAs(new RunAsSpec(OptionalLong.of(65534), OptionalLong.empty(), true))
                    .build();
            assertThat(runtime.unsupported(spec)).isEmpty();

            String id = runtime.start(spec).id();
            await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
            long pid = SpawnedPids.of(runtime, id).getFirst().pid();

            String status = Files.readString(Path.of("/proc/" + pid + "/status"));
            assertThat(status).containsPattern("(?m)^Uid:\\s+65534\\s+65534\\s+65534\\s+65534$");
            assertThat(status).containsPattern("(?m)^Gid:\\s+65534\\s+65534\\s+65534\\s+65534$");
            assertThat(status).containsPattern("(?m)^Groups:\\s*$");
            assertThat(runtime.logs(id).orElseThrow().tail(10)).extracting(LogLine::text)
                    .noneMatch(line -> line.contains("Permission denied"))
                    .anyMatch(line -> line.startsWith("home /") && !line.equals("home /root"));
        }
    }

    @Test
    void runAsNonRootWithoutAUserIsRefusedOnARootServer() {
        HostCapabilities.assumeRoot();
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            WorkloadSpec spec = Workloads.python("serve")
                    .runAs(new RunAsSpec(OptionalLong.empty(), OptionalLong.empty(), true)).build();

            assertThat(runtime.unsupported(spec)).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("securityContext.runAsNonRoot").contains("runAsUser"));
        }
    }
}

package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process trees left by a crashed server are killed by the next runtime; processes that are not ours are not. */
class OrphanReaperIT {

    @TempDir
    Path stateDir;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatThisTestStarted() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void treeLeftByAKilledServerIsKilledByTheNextRuntime() throws Exception {
        List<ProcessHandle> tree = CrashedServer.leaving(stateDir, "spawn", 1, started).getFirst();

        assertThat(tree).as("the workload outlives its server").allMatch(ProcessHandle::isAlive);

        try (ProcessRuntime next = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
            next.leftoversReaped().get(20, TimeUnit.SECONDS);
            assertThat(stateDir.resolve("instances")).isEmptyDirectory();
            assertThat(next.instances()).isEmpty();
        }
    }

    @Test
    void recordedPidThatIsNotVerifiablyOursIsLeftAlone() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "60").start();
        started.add(stranger.toHandle());
        InstanceRecord actual = InstanceRecord.of("stranger", stranger.toHandle()).orElseThrow();
        new InstanceRecord("older", actual.pid(), actual.startInstant().minusSeconds(3600), actual.command())
                .write(stateDir.resolve("instances"));
        new InstanceRecord("other-program", actual.pid(), actual.startInstant(), "/usr/bin/python3")
                .write(stateDir.resolve("instances"));

        try (ProcessRuntime next = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            next.leftoversReaped().get(20, TimeUnit.SECONDS);
            assertThat(stranger.isAlive()).isTrue();
            assertThat(stateDir.resolve("instances")).isEmptyDirectory();
            assertThat(next.instances()).isEmpty();
        }
    }
}

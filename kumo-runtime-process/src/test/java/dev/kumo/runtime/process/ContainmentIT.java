package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.isReady;
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

/** Every descendant of a workload, daemons included, goes with its instance, also after the server was killed. */
class ContainmentIT {

    @TempDir
    Path stateDir;
    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatThisTestStarted() {
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aDaemonThatDoubleForkedIntoItsOwnSessionStopsWithItsInstance() throws Exception {
        HostCapabilities.assumeCgroups(stateDir);
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            List<ProcessHandle> tree = startAndAwaitPids(runtime, "daemon");

            runtime.stop(runtime.instances().getFirst().id()).get(20, TimeUnit.SECONDS);

            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void withoutCgroupsADoubleForkedDaemonInTheSessionStopsWithItsInstance() throws Exception {
        try (ProcessRuntime runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir)
                .withoutCgroups())) {
            List<ProcessHandle> tree = startAndAwaitPids(runtime, "fork");

            runtime.stop(runtime.instances().getFirst().id()).get(20, TimeUnit.SECONDS);

            assertThat(tree).noneMatch(ProcessHandle::isAlive);
        }
    }

    @Test
    void aDaemonLeftByAKilledServerIsKilledByTheNextRuntime() throws Exception {
        HostCapabilities.assumeCgroups(stateDir);
        List<ProcessHandle> tree = CrashedServer.leaving(stateDir, "daemon", 1, started).getFirst();
        assertThat(tree).as("the workload and its daemon outlive their server").allMatch(ProcessHandle::isAlive);

        try (ProcessRuntime next = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            next.leftoversReaped().get(20, TimeUnit.SECONDS);

            assertThat(tree).noneMatch(ProcessHandle::isAlive);
            assertThat(stateDir.resolve("instances")).isEmptyDirectory();
        }
    }

    @Test
    void leftoversAreReapedInTheBackgroundWhileNewInstancesStart() throws Exception {
        List<ProcessHandle> leftovers = CrashedServer.leaving(stateDir, "spawn", 6, started).stream()
                .flatMap(List::stream).toList();
        assertThat(leftovers).hasSize(12).allMatch(ProcessHandle::isAlive);

        long before = System.nanoTime();
        try (ProcessRuntime next = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            Duration startup = Duration.ofNanos(System.nanoTime() - before);
            String fresh = next.start(Workloads.python("spawn").build()).id();

            assertThat(startup).as("the runtime is up before its predecessor's 6 leftovers are reaped")
                    .isLessThan(Duration.ofSeconds(2));
            assertThat(next.leftoversReaped().get(20, TimeUnit.SECONDS)).hasSize(6);
            assertThat(leftovers).noneMatch(ProcessHandle::isAlive);
            await().atMost(Duration.ofSeconds(20)).until(() -> isReady(next, fresh));
            assertThat(SpawnedPids.of(next, fresh)).as("the new instance of the same revision is not a leftover")
                    .allMatch(ProcessHandle::isAlive);
        }
    }

    private List<ProcessHandle> startAndAwaitPids(ProcessRuntime runtime, String mode) {
        String id = runtime.start(Workloads.python(mode).build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
        List<ProcessHandle> tree = SpawnedPids.of(runtime, id);
        started.addAll(tree);
        assertThat(tree).hasSize(2).allMatch(ProcessHandle::isAlive);
        assertThat(tree.get(1).parent().map(ProcessHandle::pid)).as("the daemon was re-parented away")
                .isNotEqualTo(java.util.Optional.of(tree.get(0).pid()));
        return tree;
    }
}

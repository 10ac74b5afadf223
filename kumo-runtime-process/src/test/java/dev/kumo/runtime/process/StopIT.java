package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.LogLine;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Stopping sends SIGTERM, waits the grace period, then kills the whole process tree. */
class StopIT extends WatchedRuntimeCase {

    @Test
    void stopKillsTheWholeProcessTree() throws Exception {
        String id = runtime.start(Workloads.python("spawn").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
        List<ProcessHandle> tree = SpawnedPids.of(runtime, id);
        assertThat(tree).allMatch(ProcessHandle::isAlive);

        Instance stopped = runtime.stop(id).get(20, TimeUnit.SECONDS);

        assertThat(stopped.state()).isInstanceOf(InstanceState.Stopped.class);
        assertThat(tree).noneMatch(ProcessHandle::isAlive);
        assertThat(runtime.instance(id)).isEmpty();
        assertThat(runtime.instances()).isEmpty();
        assertThat(listener.kinds(id)).endsWith(InstanceState.Stopped.class);
        assertThat(stateDir.resolve("instances")).isEmptyDirectory();
    }

    @Test
    void workloadIgnoringSigtermIsKilledAfterTheGracePeriod() throws Exception {
        String id = runtime.start(Workloads.python("stubborn").terminationGracePeriod(Duration.ofMillis(500))
                .build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, id));
        long before = System.nanoTime();

        runtime.stop(id).get(20, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
        assertThat(runtime.logs(id).orElseThrow().tail(5)).extracting(LogLine::text).contains("ignoring SIGTERM");
    }

    @Test
    void closeStopsEveryInstance() throws Exception {
        String first = runtime.start(Workloads.python("spawn").build()).id();
        String second = runtime.start(Workloads.python("spawn").build()).id();
        await().atMost(Duration.ofSeconds(20)).until(() -> isReady(runtime, first) && isReady(runtime, second));
        List<ProcessHandle> trees = SpawnedPids.of(runtime, first);
        trees = java.util.stream.Stream.concat(trees.stream(), SpawnedPids.of(runtime, second).stream()).toList();

        runtime.close();

        assertThat(trees).hasSize(4).noneMatch(ProcessHandle::isAlive);
        assertThat(runtime.instances()).isEmpty();
    }
}

package dev.kumo.runtime.process;

import static dev.kumo.runtime.process.Workloads.isReady;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.Instance;
import dev.kumo.runtime.spi.InstanceState;
import dev.kumo.runtime.spi.ProcessWorkload;
import dev.kumo.runtime.spi.WorkloadSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Revision the runtime was told may be wanted gets a launcher made ahead: a process already waiting, in which the
 * workload has not run; a start of that spec is that very process becoming the workload; the next launcher is made
 * once the instance is ready, and closing the runtime removes it. Such a start's Starting is told on the starting
 * thread while the supervisor already looks at the port.
 */
@EnabledOnOs(OS.LINUX)
class LauncherIT {

    private static final Duration SETTLE = Duration.ofSeconds(20);

    @TempDir
    Path stateDir;
    @TempDir
    Path work;
    private ProcessRuntime runtime;

    @BeforeEach
    void startRuntime() {
        runtime = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir));
    }

    @AfterEach
    void closeRuntime() {
        runtime.close();
    }

    @Test
    void aStartOfAPreparedSpecExecsTheWorkloadInTheLauncherMadeAheadWhichRanNothingBefore() throws Exception {
        Path ran = work.resolve("ran");
        // Notes that the workload ran (its first instruction), then serves.
        ProcessWorkload spec = WorkloadSpec.process(Workloads.HELLO).command("/bin/sh", "-c",
                "touch \"$1\"; exec python3 -u \"$2\" serve", "workload", ran.toString(),
                Workloads.dir().resolve("workload.py").toString()).build();

        runtime.prepare(spec, 1);

        Launcher launcher = await().atMost(SETTLE).until(() -> runtime.launcherFor(Workloads.HELLO).orElse(null),
                made -> made != null);
        long pid = launcher.pid();
        assertThat(ProcessHandle.of(pid)).as("the launcher waits").hasValueSatisfying(p ->
                assertThat(p.isAlive()).isTrue());
        assertThat(ran).as("the workload has not run ahead").doesNotExist();

        Instance started = runtime.start(spec);

        assertThat(started.id()).isEqualTo(launcher.instanceId());
        await().atMost(SETTLE).until(() -> isReady(runtime, started.id()));
        assertThat(ran).exists();
        assertThat(Workloads.get(Workloads.address(runtime, started.id()), "/")).isNotEmpty();
        assertThat(Workloads.address(runtime, started.id()).port()).isEqualTo(launcher.port());
        assertThat(ProcessHandle.of(pid).flatMap(p -> p.info().command())).as("the launcher's pid is the workload's")
                .hasValueSatisfying(command -> assertThat(command).contains("python3"));

        Launcher next = await().atMost(SETTLE).until(() -> runtime.launcherFor(Workloads.HELLO).orElse(null),
                made -> made != null);
        assertThat(next.pid()).as("the next one, made once the instance was ready").isNotEqualTo(pid);
        runtime.close();
        assertThat(ProcessHandle.of(next.pid()).filter(ProcessHandle::isAlive)).as("removed on close").isEmpty();
        assertThat(Files.exists(stateDir.resolve("tmp").resolve(next.instanceId()))).isFalse();
    }

    @Test
    void aLauncherNoLongerWantedEndsWithoutRunningTheWorkload() throws Exception {
        Path ran = work.resolve("ran");
        ProcessWorkload spec = WorkloadSpec.process(Workloads.HELLO).command("/bin/sh", "-c",
                "touch \"$1\"; exec sleep 600", "workload", ran.toString()).build();
        runtime.prepare(spec, 1);
        Launcher launcher = await().atMost(SETTLE).until(() -> runtime.launcherFor(Workloads.HELLO).orElse(null),
                made -> made != null);

        runtime.prepare(spec, 0);

        await().atMost(SETTLE).until(() -> ProcessHandle.of(launcher.pid()).filter(ProcessHandle::isAlive).isEmpty());
        assertThat(ran).doesNotExist();
        assertThat(runtime.instances()).isEmpty();
        assertThat(runtime.start(spec).state()).isInstanceOf(InstanceState.Starting.class);
    }

    @Test
    void aStartFromALauncherTellsStartingOnTheStartingThreadWhileTheSupervisorAlreadyLooksAtThePort()
            throws Exception {
        Path go = work.resolve("go");
        // Listens only once the test lets it: until then every look of the supervisor finds nothing accepting.
        ProcessWorkload spec = WorkloadSpec.process(Workloads.HELLO).command("/bin/sh", "-c",
                "while [ ! -e \"$1\" ]; do sleep 0.01; done; exec python3 -u \"$2\" serve", "workload", go.toString(),
                Workloads.dir().resolve("workload.py").toString()).build();
        runtime.prepare(spec, 1);
        await().atMost(SETTLE).until(() -> runtime.launcherFor(Workloads.HELLO).isPresent());
        CountDownLatch startingHeld = new CountDownLatch(1);
        List<String> seen = new CopyOnWriteArrayList<>();
        runtime.watch(instance -> {
            seen.add(instance.state().getClass().getSimpleName() + " on " + Thread.currentThread().getName());
            if (instance.state() instanceof InstanceState.Starting) {
                awaitQuietly(startingHeld); // a slow watcher of Starting
            }
        });
        CompletableFuture<Instance> starting = CompletableFuture.supplyAsync(() -> runtime.start(spec),
                runnable -> Thread.ofPlatform().name("starter").start(runnable));

        String id = await().atMost(SETTLE).until(() -> runtime.instances().stream().map(Instance::id).findFirst()
                .orElse(null), found -> found != null);
        // The supervisor looked at the port (a look that found nothing accepting writes the run's record) while
        // the watcher of Starting still held the starting thread.
        await().atMost(SETTLE).until(() -> Files.exists(InstanceRecord.file(
                ProcessRuntimeConfig.defaults(stateDir).recordDir(), id)));
        assertThat(seen).containsExactly("Starting on starter");
        assertThat(starting).isNotDone();

        startingHeld.countDown();
        Files.createFile(go);

        assertThat(starting.get(SETTLE.toSeconds(), TimeUnit.SECONDS).id()).isEqualTo(id);
        await().atMost(SETTLE).until(() -> isReady(runtime, id));
        // Starting again with the probe's failure once the start's fast looks are over (the workload waited for us).
        assertThat(seen.subList(1, seen.size() - 1)).allMatch(change -> change.startsWith("Starting on instance-"));
        assertThat(seen.getLast()).as("Ready is told after Starting, by the supervisor")
                .startsWith("Ready on instance-");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

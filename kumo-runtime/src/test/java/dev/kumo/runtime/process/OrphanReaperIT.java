package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
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
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingServer.class.getName(), stateDir.toString())
                .redirectError(stateDir.resolveSibling(stateDir.getFileName() + "-server.err").toFile())
                .start();
        started.add(server.toHandle());
        String pidsLine = CompletableFuture.supplyAsync(() -> firstLine(server)).get(60, TimeUnit.SECONDS);
        List<ProcessHandle> tree = SpawnedPids.parse(pidsLine);
        started.addAll(tree);

        server.destroyForcibly();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(tree).as("the workload outlives its server").allMatch(ProcessHandle::isAlive);

        try (ProcessRuntime next = ProcessRuntime.start(ProcessRuntimeConfig.defaults(stateDir))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> tree.stream().noneMatch(ProcessHandle::isAlive));
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
            assertThat(stranger.isAlive()).isTrue();
            assertThat(stateDir.resolve("instances")).isEmptyDirectory();
            assertThat(next.instances()).isEmpty();
        }
    }

    private static String firstLine(Process process) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line = reader.readLine();
            if (line == null) {
                throw new AssertionError("the crashing server ended without printing its workload's pids");
            }
            return line;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class JitCpuTest {

    private static String stat(int tid, String name, long utime, long stime) {
        return tid + " (" + name + ") S 1 1 1 0 -1 4194368 100 0 0 0 " + utime + " " + stime
                + " 0 0 20 0 30 0 500 0 0\n";
    }

    @Test
    void onlyTheCompilerThreadsCountTheirUserAndSystemTicks() {
        long jit = JitCpu.sum(List.of(
                stat(10, "java", 5, 1),
                stat(11, "C2 CompilerThre", 30, 2),
                stat(12, "C1 CompilerThre", 7, 1),
                stat(13, "vert.x-eventloo", 40, 14),
                stat(14, "C2 (not) a JIT", 50, 50)));

        assertThat(jit).isEqualTo(40 * 10_000_000L);
    }

    @Test
    void thisJvmsCompilerThreadsAreFoundAndTheirTimeIsPartOfTheProcesssTime() throws IOException {
        long jit = JitCpu.of(ProcessHandle.current().pid());
        long process = CpuTime.ofTree(ProcessHandle.current());

        assertThat(jit).isBetween(0L, process);
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            assertThat(tasks.map(JitCpuTest::name)).contains("C1 CompilerThre", "C2 CompilerThre");
        }
    }

    private static String name(Path task) {
        try {
            return Files.readString(task.resolve("comm")).strip();
        } catch (IOException e) {
            return "";
        }
    }
}

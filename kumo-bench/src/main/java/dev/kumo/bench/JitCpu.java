package dev.kumo.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The CPU time of a JVM's JIT compiler threads (HotSpot's {@code C1 CompilerThreadN}, {@code C2 CompilerThreadN}),
 * from /proc, so that a benchmark can show the JIT has settled before and while it measures. Counts the threads alive
 * at the reading: HotSpot never stops the first compiler thread of each kind (on 2 cores the only ones), more may come
 * and go on bigger machines, taking their time with them (then this is a lower bound).
 */
final class JitCpu {

    /** Linux's USER_HZ: /proc's times are in 1/100 s on every architecture Kumo runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private JitCpu() {
    }

    /** The CPU time in nanoseconds of process {@code pid}'s compiler threads so far. */
    static long of(long pid) throws IOException {
        List<String> stats = new ArrayList<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path task : tasks) {
                try {
                    stats.add(Files.readString(task.resolve("stat")));
                } catch (NoSuchFileException e) {
                    // The thread exited between listing and reading.
                }
            }
        }
        return sum(stats);
    }

    /** The compiler threads' CPU time in nanoseconds, of threads given by their {@code /proc/PID/task/TID/stat}. */
    static long sum(List<String> stats) {
        long jit = 0;
        for (String stat : stats) {
            // The thread's name (at most 15 bytes, may hold spaces and parentheses) is between the first '(' and
            // the last ')'; utime and stime are fields 14 and 15, the 12th and 13th after the name.
            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                jit += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            }
        }
        return jit * NANOS_PER_TICK;
    }
}

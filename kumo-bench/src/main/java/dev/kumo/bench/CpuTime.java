package dev.kumo.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far, in nanoseconds: by this JVM, or by a process and its descendants (from /proc, user + system).
 * A proxy's CPU per request hardly depends on what else the machine runs, where its requests/s does.
 */
final class CpuTime {

    /** Linux's USER_HZ: /proc's times are in 1/100 s on every architecture Kumo runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    private CpuTime() {
    }

    /** This JVM's CPU time (every thread, JIT and GC included). */
    static long ofThisJvm() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** The CPU time of {@code root} and its descendants. */
    static long ofTree(ProcessHandle root) throws IOException {
        long ticks = 0;
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        for (ProcessHandle process : tree) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                // Fields after the command (which may hold spaces) start after the last ')': state is field 3,
                // utime 14 and stime 15.
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (NoSuchFileException e) {
                // Exited between listing and reading.
            }
        }
        return ticks * NANOS_PER_TICK;
    }
}

package dev.kumo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Resident set sizes read from /proc. */
final class Rss {

    private Rss() {
    }

    /** VmRSS of one process in MiB, NaN if the kernel does not report it. */
    static double mib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** VmRSS of a process and all its descendants in MiB (shared pages counted once per process). */
    static double treeMib(ProcessHandle root) throws IOException {
        double total = 0;
        List<ProcessHandle> tree = Stream.concat(Stream.of(root), root.descendants()).toList();
        for (ProcessHandle process : tree) {
            try {
                total += mib(process.pid());
            } catch (NoSuchFileException e) {
                // Exited between listing and reading.
            }
        }
        return total;
    }
}

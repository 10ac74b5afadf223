package dev.kumo.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine's load average, read from /proc, so a run says how busy the machine was around it. */
final class LoadAverage {

    private LoadAverage() {
    }

    /** {@code "1.23 0.98 0.75"}: the 1, 5 and 15 minute averages. */
    static String now() throws IOException {
        String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return fields[0] + " " + fields[1] + " " + fields[2];
    }
}

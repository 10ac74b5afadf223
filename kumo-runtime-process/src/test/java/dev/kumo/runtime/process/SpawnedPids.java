package dev.kumo.runtime.process;

import static org.awaitility.Awaitility.await;

import dev.kumo.runtime.spi.InstanceLogs;
import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.WorkloadRuntime;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads the {@code pids <workload> <child>} line the spawn workload logs, as live process handles. */
final class SpawnedPids {

    private SpawnedPids() {
    }

    static List<ProcessHandle> of(WorkloadRuntime runtime, String id) {
        InstanceLogs logs = runtime.logs(id).orElseThrow();
        return parse(await().atMost(Duration.ofSeconds(10)).until(() -> pidsLine(logs), Optional::isPresent)
                .orElseThrow());
    }

    /** Handles for the pids in a {@code pids A B} line; they bind each pid's start time, so they stay ours. */
    static List<ProcessHandle> parse(String line) {
        return Arrays.stream(line.substring("pids ".length()).split(" "))
                .map(pid -> ProcessHandle.of(Long.parseLong(pid)).orElseThrow(() -> new AssertionError(
                        "process " + pid + " is already gone")))
                .toList();
    }

    private static Optional<String> pidsLine(InstanceLogs logs) {
        return logs.tail(100).stream().map(LogLine::text).filter(text -> text.startsWith("pids ")).findFirst();
    }
}

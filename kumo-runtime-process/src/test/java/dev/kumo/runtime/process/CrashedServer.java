package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a {@link CrashingServer} in its own JVM, waits for its workloads' pids, then kills it with SIGKILL. */
final class CrashedServer {

    private CrashedServer() {
    }

    /** The process trees (workload, child) the killed server left running, also added to {@code started}. */
    static List<List<ProcessHandle>> leaving(Path stateDir, String mode, int count, List<ProcessHandle> started)
            throws Exception {
        Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingServer.class.getName(), stateDir.toString(),
                mode, Integer.toString(count))
                .redirectError(stateDir.resolveSibling(stateDir.getFileName() + "-server.err").toFile())
                .start();
        started.add(server.toHandle());
        List<String> lines = CompletableFuture.supplyAsync(() -> lines(server, count)).get(90, TimeUnit.SECONDS);
        List<List<ProcessHandle>> trees = new ArrayList<>();
        for (String line : lines) {
            List<ProcessHandle> tree = SpawnedPids.parse(line);
            started.addAll(tree);
            trees.add(tree);
        }
        server.destroyForcibly();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        return trees;
    }

    private static List<String> lines(Process process, int count) {
        List<String> lines = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            while (lines.size() < count) {
                String line = reader.readLine();
                if (line == null) {
                    throw new AssertionError("the crashing server ended after printing " + lines);
                }
                lines.add(line);
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.kumo.build.java;

import dev.kumo.build.spi.BuildOutput;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A build tool run as a child process: its output as the build's log lines, its process tree killed when the run is
 * cancelled or the thread interrupted (reading the output on a thread of its own, so a silent child never blocks that).
 */
public final class ChildProcess {

    static final int TAIL_LINES = 30;

    /** How a child ended: its exit code (-1 when cancelled, -2 when killed at its deadline) and its last lines. */
    public record Result(int exitCode, List<String> tail) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        public boolean cancelled() {
            return exitCode == -1;
        }

        public boolean timedOut() {
            return exitCode == -2;
        }
    }

    private ChildProcess() {
    }

    /** Runs {@code command} in {@code dir} with {@code env} added, to its end or the run's cancellation. */
    public static Result run(List<String> command, Path dir, Map<String, String> env, BuildOutput output)
            throws InterruptedException {
        return run(command, dir, env, output, Instant.MAX);
    }

    /** Runs {@code command} as {@link #run(List, Path, Map, BuildOutput)} does, killed if it passes {@code deadline}. */
    public static Result run(List<String> command, Path dir, Map<String, String> env, BuildOutput output,
            Instant deadline) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().putAll(env);
        output.line("$ " + String.join(" ", command));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("starting " + command.getFirst() + " in " + dir, e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread reader = Thread.ofVirtual().name("build-output").start(() -> copyLines(process, output, tail));
        try {
            while (!process.waitFor(100, TimeUnit.MILLISECONDS)) {
                boolean late = Instant.now().isAfter(deadline);
                if (output.cancelled() || late) {
                    process.descendants().forEach(ProcessHandle::destroyForcibly);
                    process.destroyForcibly().waitFor();
                    return new Result(late ? -2 : -1, List.of());
                }
            }
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw e;
        }
        reader.join();
        synchronized (tail) {
            return new Result(process.exitValue(), List.copyOf(tail));
        }
    }

    private static void copyLines(Process process, BuildOutput output, Deque<String> tail) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.line(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            output.line("(reading the output failed: " + e.getMessage() + ")");
        }
    }
}

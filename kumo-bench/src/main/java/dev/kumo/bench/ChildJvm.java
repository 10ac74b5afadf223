package dev.kumo.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class on this JVM's class path with bin/kumo's server flags (serial collector, native
 * access and Unsafe allowed; not its class-data archive), its stderr merged
 * into its stdout: read line by line until it is up, then drained so that it never blocks on its output.
 */
final class ChildJvm implements AutoCloseable {

    private final Process process;
    private final BufferedReader output;

    private ChildJvm(Process process) {
        this.process = process;
        this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /**
     * Starts {@code mainClass} with this JVM's class path; options in {@code KUMO_BENCH_CHILD_JVM_OPTS} (split on
     * spaces) go before the class, e.g. {@code -XX:StartFlightRecording=filename=/tmp/mesh.jfr} to profile it.
     */
    static ChildJvm start(String mainClass, List<String> args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "--enable-native-access=ALL-UNNAMED"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow"); // as bin/kumo from JDK 24 on
        }
        String extra = System.getenv("KUMO_BENCH_CHILD_JVM_OPTS");
        if (extra != null && !extra.isBlank()) {
            command.addAll(List.of(extra.trim().split("\\s+")));
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(args);
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start());
    }

    /** The next line of output, empty once the process has closed it (it has exited). */
    Optional<String> nextLine() throws IOException {
        return Optional.ofNullable(output.readLine());
    }

    /** From now on its output is read and dropped in the background. */
    void drainInBackground() {
        drainInBackground(Optional.empty());
    }

    /** From now on its output is read in the background and appended to {@code log} if given (else dropped). */
    void drainInBackground(Optional<Path> log) {
        CompletableFuture.runAsync(() -> {
            try (Writer writer = log.isPresent() ? Files.newBufferedWriter(log.get(), StandardCharsets.UTF_8)
                    : Writer.nullWriter()) {
                for (String line = output.readLine(); line != null; line = output.readLine()) {
                    writer.write(line);
                    writer.write('\n');
                    writer.flush();
                }
            } catch (IOException e) {
                // The process is gone.
            }
        });
    }

    /** {@code exit N}, or that it has not exited (yet) after its output ended. */
    String exitStatus() throws InterruptedException {
        return process.waitFor(10, TimeUnit.SECONDS) ? "exit " + process.exitValue() : "not exited";
    }

    /** Resident set size in MiB, from /proc. */
    double rssMiB() throws IOException {
        return Rss.mib(process.pid());
    }

    /** The CPU time it has used so far (user and system), as the kernel counts it. */
    Duration cpuTime() {
        return process.info().totalCpuDuration().orElse(Duration.ZERO);
    }

    /** The CPU time its JIT compiler threads have used so far. */
    Duration jitCpuTime() throws IOException {
        return Duration.ofNanos(JitCpu.of(process.pid()));
    }

    /** SIGTERM, then SIGKILL after 30 s. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}

package dev.kumo.runtime.process;

import dev.kumo.runtime.support.RotatingLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One run of a workload's process: the process, its tree, when it started and the thread copying its output. */
record Run(Process process, ProcessTree tree, Instant startedAt, Thread logPump) {

    private static final Duration DRAIN_WAIT = Duration.ofSeconds(2);

    /** Starts the command in its containment, with stdin at EOF and stdout and stderr merged into the log. */
    static Run launch(LaunchRequest request, Containment containment, Instant now, Runnable onExit)
            throws IOException {
        Process process = builder(request, containment.commandLine(request.commandLine())).start();
        process.getOutputStream().close();
        return watched(process, request, containment, now, onExit);
    }

    /**
     * A process builder for {@code commandLine} (the containment's words, the workload's) in the request's
     * directory and environment only, output merged; fails at once when the workload's program is not found.
     */
    static ProcessBuilder builder(LaunchRequest request, List<String> commandLine) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(commandLine).redirectErrorStream(true);
        if (request.workingDir().isPresent()) {
            Path dir = request.workingDir().get();
            if (!Files.isDirectory(dir)) {
                throw new IOException("workingDir " + dir + " is not a directory");
            }
            builder.directory(dir.toFile());
        }
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.putAll(request.env());
        // The containment wrapper execs the program, so a missing one would only show as exit code 127: say it now.
        mustExist(request.commandLine().getFirst(), request.env(), request.workingDir());
        return builder;
    }

    /** The run of a started {@code process}: its exit wakes {@code onExit}, its output is copied into the log. */
    static Run watched(Process process, LaunchRequest request, Containment containment, Instant now,
            Runnable onExit) {
        Thread.ofVirtual().name("exit-watch-" + request.instanceId()).start(() -> awaitExit(process, onExit));
        Thread pump = Thread.ofVirtual().name("log-pump-" + request.instanceId())
                .start(new LogPump(process.getInputStream(), request.log()));
        return new Run(process, ProcessTree.of(process, containment), now, pump);
    }

    /** Fails as ProcessBuilder would when the program is not found as execvp looks for it (PATH, or the path). */
    private static void mustExist(String program, Map<String, String> env, Optional<Path> workingDir)
            throws IOException {
        boolean found;
        if (program.contains("/")) {
            Path path = Path.of(program);
            found = Files.isExecutable(path.isAbsolute() ? path : workingDir.map(dir -> dir.resolve(path))
                    .orElse(path));
        } else {
            found = java.util.Arrays.stream(env.getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                    .map(dir -> Path.of(dir.isEmpty() ? "." : dir).resolve(program))
                    .anyMatch(candidate -> Files.isExecutable(candidate) && !Files.isDirectory(candidate));
        }
        if (!found) {
            throw new IOException("Cannot run program \"" + program + "\": error=2, No such file or directory");
        }
    }

    // Not process.onExit(): see ProcessTree on why that can lag behind the exit.
    private static void awaitExit(Process process, Runnable onExit) {
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        onExit.run();
    }

    /** Waits (bounded) until the output is copied; a stray child may hold the pipe open, so this can give up. */
    void drainLog() {
        try {
            logPump.join(DRAIN_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * What to launch: resolved command line, directory (empty = the server's), environment, log, the instance's
     * private temp dir and the user it runs as (empty: the server's).
     */
    record LaunchRequest(String instanceId, List<String> commandLine, Optional<Path> workingDir,
            Map<String, String> env, RotatingLog log, Path tmpDir, Optional<RunAs.Identity> identity) {
    }
}

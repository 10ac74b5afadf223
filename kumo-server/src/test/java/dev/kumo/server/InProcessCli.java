package dev.kumo.server;

import dev.kumo.cli.KumoCli;
import dev.kumo.cli.session.CliEnvironment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The kumo CLI run in this JVM with a temporary home and no environment variables but {@code KUMO_DATA_DIR} when
 * given a server's data directory (the CLI then finds the server's URL, token and certificate there, as it does for
 * a local server), so the real home is never used.
 */
final class InProcessCli {

    /** What one run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
    }

    /** A run going on in the background (such as {@code logs -f}): what it printed so far, and how to stop it. */
    static final class Running {

        private final StringWriter out;
        private final StringWriter err;
        private final Thread thread;
        private final CompletableFuture<Integer> exitCode;

        private Running(StringWriter out, StringWriter err, Thread thread, CompletableFuture<Integer> exitCode) {
            this.out = out;
            this.err = err;
            this.thread = thread;
            this.exitCode = exitCode;
        }

        /** What it printed on stdout so far. */
        String out() {
            return out.toString();
        }

        /** What it printed on stderr so far. */
        String err() {
            return err.toString();
        }

        /** Whether it is still running. */
        boolean running() {
            return !exitCode.isDone();
        }

        /** Interrupts it (as Ctrl-C would end it) and waits for it to end. */
        Result stop(Duration timeout) throws Exception {
            thread.interrupt();
            int code = exitCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(code, out.toString(), err.toString());
        }
    }

    private final Path home;
    private final Map<String, String> variables;

    InProcessCli(Path home) {
        this(home, Map.of());
    }

    /** A CLI that finds the server owning {@code dataDir} by itself ({@code KUMO_DATA_DIR}). */
    InProcessCli(Path home, Path dataDir) {
        this(home, Map.of("KUMO_DATA_DIR", dataDir.toString()));
    }

    private InProcessCli(Path home, Map<String, String> variables) {
        this.home = home;
        this.variables = variables;
    }

    Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = KumoCli.run(environment(out, err), args);
        return new Result(code, out.toString(), err.toString());
    }

    /** Starts the CLI on a thread of its own and returns at once. */
    Running start(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CompletableFuture<Integer> exitCode = new CompletableFuture<>();
        Thread thread = Thread.ofVirtual().name("kumo-cli").start(
                () -> exitCode.complete(KumoCli.run(environment(out, err), args)));
        return new Running(out, err, thread, exitCode);
    }

    private CliEnvironment environment(StringWriter out, StringWriter err) {
        return new CliEnvironment(variables, home, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), InstantSource.system(), false);
    }
}

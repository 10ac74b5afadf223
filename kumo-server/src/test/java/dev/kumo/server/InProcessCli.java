package dev.kumo.server;

import dev.kumo.cli.CliEnvironment;
import dev.kumo.cli.KumoCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** The kumo CLI run in this JVM with a temporary home and no environment variables, so the real home is never used. */
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

        /** Interrupts it (as Ctrl-C would end it) and waits for it to end. */
        Result stop(Duration timeout) throws Exception {
            thread.interrupt();
            int code = exitCode.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(code, out.toString(), err.toString());
        }
    }

    private final Path home;

    InProcessCli(Path home) {
        this.home = home;
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
        return new CliEnvironment(Map.of(), home, new ByteArrayInputStream(new byte[0]), new PrintWriter(out),
                new PrintWriter(err), InstantSource.system(), false);
    }
}

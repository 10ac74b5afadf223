package dev.kumo.cli.func;

import dev.kumo.cli.base.CliException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A function running here as a host process on 127.0.0.1: built into {@code .func/build-N}, started with
 * {@code PORT} and func.yaml's {@code run.envs}, its output copied to {@code out}; {@link #reload} builds again
 * and, when that works, replaces the process. {@code .func/run.url} names it while it runs, for {@code func invoke}.
 */
final class LocalRun implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final Path dir;
    private final int port;
    private final PrintWriter out;
    private int builds;
    private Process process;
    private Path running;

    LocalRun(Path dir, int port, PrintWriter out) {
        this.dir = dir;
        this.port = port;
        this.out = out;
    }

    /** Where the function that runs from {@code dir} answers, when it runs. */
    static Optional<URI> url(Path dir) {
        try {
            return Optional.of(URI.create(Files.readString(urlFile(dir)).strip()));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The URL of this run. */
    URI url() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Builds the function, then (the build having worked) stops the one running and starts the new one. */
    void reload() throws InterruptedException {
        FuncYaml yaml = FuncYaml.read(dir);
        Path into = dir.resolve(".func").resolve("build-" + ++builds);
        FunctionBuild.Built built;
        try {
            FunctionFiles.deleteTree(into);
            built = FunctionBuild.build(dir, yaml, into);
        } catch (IOException e) {
            throw new CliException("building " + yaml.name() + " into " + into + ": " + e.getMessage());
        }
        stop();
        start(yaml, built);
        awaitReady();
        try {
            Files.writeString(urlFile(dir), url() + "\n");
        } catch (IOException e) {
            throw new CliException("writing " + urlFile(dir) + ": " + e.getMessage());
        }
    }

    private void start(FuncYaml yaml, FunctionBuild.Built built) {
        ProcessBuilder builder = new ProcessBuilder(built.command()).directory(built.dir().toFile())
                .redirectErrorStream(true);
        Map<String, String> env = new HashMap<>();
        yaml.run().envs().forEach(e -> env.put(e.name(), e.value()));
        env.put("PORT", Integer.toString(port));
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new CliException("starting " + String.join(" ", built.command()) + ": " + e.getMessage(),
                    "Is " + built.command().getFirst() + " installed and on the PATH?");
        }
        running = built.dir();
        Process started = process;
        Thread.ofVirtual().name("func-output").start(() -> copyOutput(started));
    }

    private void copyOutput(Process from) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(from.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                synchronized (out) {
                    out.println(line);
                    out.flush();
                }
            }
        } catch (IOException ignored) {
            // the process ended: its output ended with it
        }
    }

    /** Waits until the function accepts connections on its port; fails when it exits or the timeout passes. */
    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new CliException("the function exited with code " + process.exitValue() + " before it "
                        + "listened on port " + port, "Its output is above.");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(10); // polling a port: there is nothing to wait on
            }
        }
        throw new CliException("the function did not listen on port " + port + " within "
                + READY_TIMEOUT.toSeconds() + " seconds");
    }

    private void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly().waitFor();
        }
        process = null;
        try {
            FunctionFiles.deleteTree(running);
        } catch (IOException ignored) {
            // an old build left behind is removed by the next run's builds
        }
    }

    /** Stops the function and forgets its URL. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(urlFile(dir));
            boolean interrupted = Thread.interrupted();
            stop();
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        } catch (IOException | InterruptedException e) {
            if (process != null) {
                process.destroyForcibly();
            }
        }
    }

    private static Path urlFile(Path dir) {
        return dir.resolve(".func").resolve("run.url");
    }
}

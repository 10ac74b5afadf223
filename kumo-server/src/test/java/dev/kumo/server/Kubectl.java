package dev.kumo.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the real kubectl binary against a Kumo API server, isolated from the user's kubeconfig and caches. */
final class Kubectl {

    /** What one kubectl run printed and how it ended. */
    record Result(int exitCode, String out, String err) {
    }

    private final List<String> connection;
    private final Path home;

    /**
     * kubectl talking to {@code server} directly, with {@code home} as its HOME; a loopback URL of a test server
     * is taken to that server's real URL, certificate and token.
     */
    Kubectl(String server, Path home) {
        this(TestServers.byUrl(server).map(ApiAccess::kubectlFlags).orElse(List.of("--server", server)), home);
    }

    /** kubectl talking to the in-process {@code server} with its certificate and token. */
    Kubectl(KumoServer server, Path home) {
        this(ApiAccess.of(server).kubectlFlags(), home);
    }

    /** kubectl for a server reached through {@code access} (a child process's). */
    Kubectl(ApiAccess access, Path home) {
        this(access.kubectlFlags(), home);
    }

    private Kubectl(List<String> connection, Path home) {
        this.connection = connection;
        this.home = home;
    }

    /** kubectl using only what a kubeconfig file says (server, certificate, token). */
    static Kubectl withKubeconfig(Path kubeconfig, Path home) {
        return new Kubectl(List.of("--kubeconfig", kubeconfig.toString()), home);
    }

    /** A kubectl that goes on (get -w, logs -f): what it printed so far; {@link #close} kills it (by its PID). */
    static final class Background implements AutoCloseable {

        private final Process process;
        private final Path out;

        private Background(Process process, Path out) {
            this.process = process;
            this.out = out;
        }

        String out() {
            try {
                return java.nio.file.Files.readString(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }

        /** Whether kubectl has not exited yet. */
        boolean running() {
            return process.isAlive();
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    /** Starts a kubectl that runs until closed, its output to files named after {@code name} in the home. */
    Background start(String name, String... args) {
        ProcessBuilder builder = builder(false, args);
        Path out = home.resolve(name + ".out");
        try {
            return new Background(builder.redirectOutput(out.toFile())
                    .redirectError(home.resolve(name + ".err").toFile()).start(), out);
        } catch (IOException e) {
            throw new AssertionError("running kubectl: " + e.getMessage(), e);
        }
    }

    private ProcessBuilder builder(boolean requestTimeout, String... args) {
        List<String> command = new ArrayList<>(List.of("kubectl"));
        command.addAll(connection);
        if (requestTimeout) {
            command.add("--request-timeout=20s");
        }
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("HOME", home.toString());
        builder.environment().put("KUBECONFIG", home.resolve("kubeconfig").toString());
        builder.environment().remove("KUBERNETES_SERVICE_HOST");
        return builder;
    }

    Result run(String... args) {
        ProcessBuilder builder = builder(true, args);
        try {
            Path out = home.resolve("out.txt");
            Path err = home.resolve("err.txt");
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in 60 s");
            }
            return new Result(process.exitValue(), java.nio.file.Files.readString(out, StandardCharsets.UTF_8),
                    java.nio.file.Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("running kubectl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}

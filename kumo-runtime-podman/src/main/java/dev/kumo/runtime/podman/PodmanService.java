package dev.kumo.runtime.podman;

import dev.kumo.common.podman.ContainersConf;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Podman's API for the runtime, reached on the first call only: a socket the user gave ({@code --podman-socket}),
 * or Kumo's own {@code podman system service} on a socket under the state directory, started as a supervised
 * child (restarted if it dies, stopped on close) with Kumo's {@link ContainersConf}. The child gets a parent-death
 * signal ({@code setpriv --pdeathsig KILL}) from the long-lived thread that supervises it, so it dies with a server
 * killed with -9.
 */
public final class PodmanService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PodmanService.class);
    private static final Duration READY_WAIT = Duration.ofSeconds(30);
    private static final Duration RESTART_DELAY = Duration.ofSeconds(1);
    // sun_path holds 108 bytes; a deep state directory gets its socket in /tmp instead.
    private static final int MAX_SOCKET_PATH = 100;

    /** What to tell a user with no podman. */
    public static final String INSTALL = "podman is not installed on this host (not on kumo server's PATH): install "
            + "it with `apt-get install podman runc catatonit` (or your distribution's packages), or give the socket "
            + "of a running podman service with --podman-socket; `kumo doctor` checks the prerequisites";

    private final Optional<Path> givenSocket;
    private final Path stateDir;
    private final CompletableFuture<PodmanClient> client = new CompletableFuture<>();
    private final Object lock = new Object();
    private boolean started;
    private volatile boolean closed;
    private volatile Process child;
    private Vertx vertx;
    private Thread supervisor;

    private PodmanService(Optional<Path> givenSocket, Path stateDir) {
        this.givenSocket = givenSocket;
        this.stateDir = stateDir;
    }

    /**
     * The service at {@code socket} if given, else Kumo's own, its files under {@code stateDir}; nothing starts yet.
     */
    public static PodmanService of(Optional<Path> socket, Path stateDir) {
        return new PodmanService(socket, stateDir);
    }

    /** Why podman cannot be used here, or empty: only a missing {@code podman} program is known without asking it. */
    public Optional<String> unavailable() {
        return givenSocket.isEmpty() && onPath("podman").isEmpty() ? Optional.of(INSTALL) : Optional.empty();
    }

    /** Whether the service was asked for (so there is something to stop). */
    public boolean started() {
        synchronized (lock) {
            return started;
        }
    }

    /** The client, once podman answers; the first call starts Kumo's own service. */
    public CompletableFuture<PodmanClient> client() {
        synchronized (lock) {
            if (!started && !closed) {
                started = true;
                start();
            }
        }
        return client;
    }

    private void start() {
        Optional<String> missing = unavailable();
        if (missing.isPresent()) {
            client.completeExceptionally(new PodmanException("starting podman", 0, missing.get()));
            return;
        }
        vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(1)
                .setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        if (!vertx.isNativeTransportEnabled()) {
            client.completeExceptionally(new PodmanException("connecting to podman's unix socket", 0,
                    "Netty's epoll transport is not available: " + vertx.unavailableNativeTransportCause()));
            return;
        }
        Path socket = givenSocket.orElseGet(this::ownSocket);
        PodmanClient api = new PodmanClient(vertx, socket);
        if (givenSocket.isPresent()) {
            awaitReady(api, Optional.empty()).whenComplete((ok, failure) -> complete(api, failure));
            return;
        }
        supervisor = Thread.ofPlatform().name("podman-service").daemon().start(() -> supervise(api));
    }

    private Path ownSocket() {
        Path socket = stateDir.toAbsolutePath().resolve("podman.sock");
        return socket.toString().length() <= MAX_SOCKET_PATH ? socket
                : Path.of(System.getProperty("java.io.tmpdir"), "kumo-podman-" + PodLabels.dataDirKey(stateDir)
                        + ".sock");
    }

    // Runs on one platform thread for the service's life: the parent-death signal follows the thread that forked.
    private void supervise(PodmanClient api) {
        while (!closed) {
            try {
                Process process = spawn(api.socket());
                child = process;
                if (!client.isDone()) {
                    awaitReady(api, Optional.of(process)).whenComplete((ok, failure) -> complete(api, failure));
                }
                int exit = process.waitFor();
                if (!closed) {
                    LOG.warn("podman system service exited with {}; restarting it in {} (its log: {})", exit,
                            RESTART_DELAY, logFile());
                    Thread.sleep(RESTART_DELAY); // the restart delay of a supervisor, not a wait for a condition
                }
            } catch (IOException e) {
                complete(api, new PodmanException("starting podman system service", e));
                return;
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Process spawn(Path socket) throws IOException {
        Files.createDirectories(stateDir);
        Files.deleteIfExists(socket);
        Path conf = ContainersConf.write(stateDir);
        List<String> command = new ArrayList<>();
        // A session of its own: a Ctrl-C (SIGINT to the terminal's process group) stops the server, which then stops
        // its pods through this service, so the service must not get the signal too.
        onPath("setsid").ifPresent(setsid -> command.add(setsid.toString()));
        onPath("setpriv").ifPresent(setpriv -> command.addAll(List.of(setpriv.toString(), "--pdeathsig", "KILL")));
        command.addAll(List.of(onPath("podman").map(Path::toString).orElse("podman"), "system", "service",
                "--time=0", "unix://" + socket));
        // conmon drops an empty "oom" file in podman's working directory when a container is OOM-killed
        ProcessBuilder builder = new ProcessBuilder(command).directory(stateDir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("CONTAINERS_CONF", conf.toString());
        LOG.info("starting podman system service on {}", socket);
        return builder.start();
    }

    private Path logFile() {
        return stateDir.resolve("podman-service.log");
    }

    /** Pings every 20 ms until podman answers, the child exits or the wait runs out. */
    private CompletableFuture<Void> awaitReady(PodmanClient api, Optional<Process> process) {
        Instant deadline = Instant.now().plus(READY_WAIT);
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread.ofVirtual().name("podman-ping").start(() -> {
            PodmanException last = new PodmanException("pinging podman", 0, "no answer");
            while (Instant.now().isBefore(deadline) && !closed) {
                if (process.isPresent() && !process.get().isAlive()) {
                    ready.completeExceptionally(new PodmanException("starting podman system service", 0,
                            "it exited with " + process.get().exitValue() + "; see " + logFile()));
                    return;
                }
                try {
                    api.ping().get(1, TimeUnit.SECONDS);
                    ready.complete(null);
                    return;
                } catch (Exception e) {
                    last = PodmanClient.cause(e) instanceof PodmanException p ? p
                            : new PodmanException("pinging podman on " + api.socket(), e);
                }
                try {
                    Thread.sleep(20); // polling a socket that has no event to wait on
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            ready.completeExceptionally(last);
        });
        return ready;
    }

    private void complete(PodmanClient api, Throwable failure) {
        if (failure == null) {
            client.complete(api);
        } else {
            client.completeExceptionally(PodmanClient.cause(failure));
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
        }
        client.completeExceptionally(new PodmanException("reaching podman", 0, "the runtime is closed"));
        Process process = child;
        if (process != null) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (supervisor != null) {
            supervisor.interrupt();
        }
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null).join();
        }
    }

    /** The program as the server's PATH finds it. */
    static Optional<Path> onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}

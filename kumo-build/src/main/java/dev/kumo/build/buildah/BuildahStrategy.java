package dev.kumo.build.buildah;

import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.build.spi.SourcePaths;
import dev.kumo.build.spi.StrategyParameter;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Shipwright's {@code buildah} strategy done by {@code podman build} (buildah inside podman) with Kumo's
 * containers.conf, so the image lands in the storage the container runtime runs from: {@code --pull=never} (every
 * {@code FROM} is a local image), {@code --layers} (an unchanged step is reused, so an unchanged rebuild gives the
 * same digest). The podman CLI rather than the service's {@code POST /libpod/build}: it reads the context where it
 * is instead of a tar upload, streams the same step lines, and cancelling is killing its process tree. With a
 * {@code --podman-socket} the CLI is podman's remote client of that service, which builds into that service's storage.
 * Parameters: {@code dockerfile} (default {@code Containerfile}, else {@code Dockerfile}), {@code build-args}
 * ({@code K=V} separated by spaces), {@code target}.
 */
public final class BuildahStrategy implements BuildStrategy {

    public static final String NAME = "buildah";
    /** Shipwright's buildah strategy runs its build in this step. */
    static final String STEP = "build-and-push";
    private static final List<String> FILES = List.of("Containerfile", "Dockerfile");
    private static final int TAIL_LINES = 30;
    private static final long POLL_MILLIS = 100;

    private final Path containersConf;
    private final Optional<Path> podmanSocket;

    /** Builds with the podman CLI reading {@code containersConf}, as the client of {@code podmanSocket} if given. */
    public BuildahStrategy(Path containersConf, Optional<Path> podmanSocket) {
        this.containersConf = containersConf;
        this.podmanSocket = podmanSocket;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "A Containerfile or Dockerfile built by podman build (buildah's engine) into the container runtime's "
                + "storage, layers kept, bases never pulled";
    }

    @Override
    public List<StrategyParameter> parameters() {
        return List.of(new StrategyParameter("dockerfile", "The Containerfile, relative to the source", ""),
                new StrategyParameter("build-args", "Build arguments, NAME=VALUE separated by spaces", ""),
                new StrategyParameter("target", "The stage of a multi-stage Containerfile to build", ""));
    }

    @Override
    public boolean detects(Path sourceDir) {
        return FILES.stream().anyMatch(file -> Files.isRegularFile(sourceDir.resolve(file)));
    }

    @Override
    public BuildOutcome build(BuildRequest request, BuildOutput output) throws InterruptedException {
        output.step(STEP);
        Optional<Path> file = containerfile(request);
        if (file.isEmpty()) {
            return new BuildOutcome.Failed(STEP, "Failed", List.of("no " + request.params().getOrDefault(
                    "dockerfile", String.join(" or ", FILES)) + " in " + request.sourceDir()));
        }
        Path iidFile = request.cacheDir().resolve("image-id");
        List<String> command = podman("build", "--pull=never", "--layers", "-t", request.image(), "-f",
                file.get().toString(), "--iidfile", iidFile.toString());
        for (String arg : request.params().getOrDefault("build-args", "").split("\\s+")) {
            if (!arg.isEmpty()) {
                command.addAll(List.of("--build-arg", arg));
            }
        }
        Optional.ofNullable(request.params().get("target")).filter(t -> !t.isEmpty())
                .ifPresent(target -> command.addAll(List.of("--target", target)));
        command.addAll(List.of("--", request.sourceDir().toString()));
        Run build = run(command, output);
        if (build.cancelled()) {
            return new BuildOutcome.Cancelled();
        }
        if (build.exit() != 0) {
            return new BuildOutcome.Failed(STEP, "Failed", build.tail());
        }
        output.line("Pushing to local storage: " + request.image());
        Run inspect = run(podman("image", "inspect", "--format", "{{.Digest}} {{.Size}}", "--",
                request.image()), line -> { });
        if (inspect.cancelled()) {
            return new BuildOutcome.Cancelled();
        }
        if (inspect.exit() != 0 || inspect.tail().isEmpty()) {
            return new BuildOutcome.Failed("image-digest", "Failed", inspect.tail());
        }
        String[] digestAndSize = inspect.tail().getLast().strip().split("\\s+");
        String digest = digestAndSize[0];
        output.line("digest: " + digest);
        return new BuildOutcome.Built(request.image(), digest, digestAndSize.length > 1
                ? parseSize(digestAndSize[1]) : 0);
    }

    /**
     * The named Containerfile, else the first of {@link #FILES}: a regular file inside the source once its symlinks
     * are resolved (a {@code dockerfile} of {@code /etc/passwd}, {@code ../x} or a link out of a cloned repository
     * is not one, so podman never reads it).
     */
    private Optional<Path> containerfile(BuildRequest request) {
        String named = request.params().get("dockerfile");
        List<String> names = named != null && !named.isEmpty() ? List.of(named) : FILES;
        return names.stream().flatMap(name -> SourcePaths.inside(request.sourceDir(), name).stream())
                .filter(Files::isRegularFile).findFirst();
    }

    private List<String> podman(String... args) {
        List<String> command = new ArrayList<>(List.of("podman"));
        podmanSocket.ifPresent(socket -> command.addAll(List.of("--url", "unix://" + socket)));
        command.addAll(List.of(args));
        return command;
    }

    /** How a command ended: its exit code, its last lines, whether it was killed on a cancel. */
    private record Run(int exit, List<String> tail, boolean cancelled) {
    }

    /** A sink for lines that is only a log, never cancelled. */
    private interface Lines {

        void line(String text);
    }

    private Run run(List<String> command, Lines lines) throws InterruptedException {
        return run(command, new BuildOutput() {
            @Override
            public void step(String name) {
            }

            @Override
            public void line(String text) {
                lines.line(text);
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        });
    }

    /**
     * Runs {@code command} with Kumo's containers.conf, its output (stdout and stderr) to {@code output} line by
     * line; kills its process tree when the run is cancelled or this thread interrupted.
     */
    private Run run(List<String> command, BuildOutput output) throws InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().put("CONTAINERS_CONF", containersConf.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("running " + String.join(" ", command), e);
        }
        Deque<String> tail = new ArrayDeque<>();
        Thread pump = Thread.ofVirtual().name("podman-build-output").start(() -> pump(process, output, tail));
        try {
            while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                if (output.cancelled()) {
                    kill(process);
                    pump.join();
                    return new Run(-1, snapshot(tail), true);
                }
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        pump.join();
        return new Run(process.exitValue(), snapshot(tail), false);
    }

    private static void pump(Process process, BuildOutput output, Deque<String> tail) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                output.line(line);
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException e) {
            // The process was killed while its output was read: what it wrote so far is in the log.
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** Kills podman and what it started (a RUN step's container runtime and its processes). */
    private static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** The image's size as podman prints it (bytes); 0 when it printed something else. */
    static long parseSize(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}

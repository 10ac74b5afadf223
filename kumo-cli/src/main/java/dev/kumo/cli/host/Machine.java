package dev.kumo.cli.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * What the CLI reads and runs on this machine (for {@code kumo doctor} and {@code kumo image}): programs on the
 * {@code PATH} it was given (so a test can hide one), files, and short commands run with a time limit.
 */
public final class Machine {

    /** How a command ended: its exit code ({@code -1} when it did not finish in time) and what it printed. */
    public record Run(int exitCode, String out, String err) {

        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The first lines of stderr (else stdout), for a message. */
        public String firstLines(int count) {
            String text = err.isBlank() ? out : err;
            return String.join(" / ", text.strip().lines().limit(count).toList());
        }
    }

    private final Map<String, String> environment;
    private final Path scratch;

    private Machine(Map<String, String> environment, Path scratch) {
        this.environment = Map.copyOf(environment);
        this.scratch = scratch;
    }

    /**
     * Uses the machine seen through {@code environment} (its {@code PATH}), with a scratch directory for command
     * output and files such as a containers.conf, removed afterwards.
     */
    public static <T> T use(Map<String, String> environment, Function<Machine, T> use) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("kumo-cli");
        } catch (IOException e) {
            throw new UncheckedIOException("creating a temporary directory", e);
        }
        try {
            return use.apply(new Machine(environment, scratch));
        } finally {
            try (Stream<Path> files = Files.walk(scratch)) {
                files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
            } catch (IOException e) {
                // A temporary directory left behind is harmless.
            }
        }
    }

    /** A directory of this use's own, removed afterwards. */
    public Path scratch() {
        return scratch;
    }

    /** The program as a shell finds it on {@code PATH}. */
    public Optional<Path> which(String program) {
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The program on {@code PATH}, else the first of {@code places} that is an executable file. */
    public Optional<Path> find(String program, List<Path> places) {
        return which(program).or(() -> places.stream()
                .filter(p -> Files.isRegularFile(p) && Files.isExecutable(p)).findFirst());
    }

    public Optional<String> read(Path file) {
        try {
            return Optional.of(Files.readString(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Runs {@code command} with this machine's environment plus {@code extra}, for at most {@code limit}. */
    public Run run(List<String> command, Map<String, String> extra, Duration limit) {
        Path out = scratch.resolve("out");
        Path err = scratch.resolve("err");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectOutput(out.toFile())
                .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(extra);
        builder.environment().clear();
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
                return new Run(-1, "", String.join(" ", command) + " did not finish within " + limit.toSeconds()
                        + " s");
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } catch (IOException e) {
            return new Run(-1, "", "running " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Run(-1, "", "interrupted");
        }
    }
}

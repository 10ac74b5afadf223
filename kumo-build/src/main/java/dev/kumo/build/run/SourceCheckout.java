package dev.kumo.build.run;

import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.SourcePaths;
import java.io.BufferedReader;
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
import java.util.concurrent.TimeUnit;

/**
 * A Build's source on disk: a {@code file://} URL is the directory itself, built as it is (no clone, uncommitted
 * edits included); another URL is cloned ({@code git clone --depth 1}) into the run's workspace. Shipwright's step
 * for this is {@code source-default}.
 */
final class SourceCheckout {

    static final String STEP = "source-default";
    private static final int TAIL_LINES = 20;

    private SourceCheckout() {
    }

    /** What a checkout gave: the directory to build, or the failure to report. */
    sealed interface Result {

        record Checkedout(Path dir) implements Result {}

        record Failed(BuildOutcome.Failed failure) implements Result {}
    }

    /** The directory of {@code source} with its contextDir, cloning into {@code workspace} when it is remote. */
    static Result checkout(BuildSource source, Path workspace, BuildOutput output) throws InterruptedException {
        String url = source.git().url();
        Path root;
        if (url.startsWith(BuildSource.FILE_SCHEME)) {
            root = Path.of(url.substring(BuildSource.FILE_SCHEME.length()));
            if (!Files.isDirectory(root)) {
                return failed("the source directory " + root + " does not exist on this machine");
            }
        } else {
            output.step(STEP);
            root = workspace.resolve("source");
            List<String> command = new ArrayList<>(List.of("git", "clone", "--depth", "1"));
            if (source.git().revision() != null && !source.git().revision().isEmpty()) {
                command.addAll(List.of("--branch", source.git().revision()));
            }
            command.addAll(List.of(url, root.toString()));
            List<String> tail = run(command, output);
            if (!tail.isEmpty()) {
                return new Result.Failed(new BuildOutcome.Failed(STEP, "GitRemotePrivate", tail));
            }
        }
        if (source.contextDir() == null) {
            return new Result.Checkedout(root);
        }
        // Resolved with its symlinks: a link in a cloned repository must not lead out of the checkout.
        return SourcePaths.inside(root, source.contextDir()).filter(Files::isDirectory)
                .<Result>map(Result.Checkedout::new)
                .orElseGet(() -> failed("the contextDir " + source.contextDir() + " is not a directory inside the "
                        + "source " + root));
    }

    private static Result failed(String message) {
        return new Result.Failed(new BuildOutcome.Failed(STEP, "Failed", List.of(message)));
    }

    /** Runs {@code command}, its output to the log; empty when it succeeded, else its last lines. */
    private static List<String> run(List<String> command, BuildOutput output) throws InterruptedException {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            Deque<String> tail = new ArrayDeque<>();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    output.line(line);
                    tail.addLast(line);
                    if (tail.size() > TAIL_LINES) {
                        tail.removeFirst();
                    }
                }
            }
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                tail.addLast("git clone took more than 10 minutes");
                return List.copyOf(tail);
            }
            return process.exitValue() == 0 ? List.of() : List.copyOf(tail);
        } catch (IOException e) {
            throw new UncheckedIOException("running " + String.join(" ", command), e);
        }
    }
}

package dev.kumo.build.run;

import dev.kumo.api.shipwright.BuildSource;
import dev.kumo.build.java.ChildProcess;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.SourcePaths;
import dev.kumo.common.files.PrivateDirectories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Build's source on disk: a {@code file://} URL is the directory itself, built as it is (no clone, uncommitted
 * edits included); another URL is cloned ({@code git clone --depth 1}) into the run's workspace. Shipwright's step
 * for this is {@code source-default}.
 */
final class SourceCheckout {

    static final String STEP = "source-default";
    static final Duration CLONE_LIMIT = Duration.ofMinutes(10);
    /** A clone that needs credentials fails at once instead of waiting on a prompt no one answers. */
    private static final Map<String, String> GIT_ENV = Map.of("GIT_TERMINAL_PROMPT", "0",
            "GIT_SSH_COMMAND", "ssh -oBatchMode=yes");

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
            command.addAll(List.of("--", url, root.toString()));
            createDirectories(workspace);
            List<String> tail = run(command, workspace, output);
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

    private static void createDirectories(Path dir) {
        try {
            PrivateDirectories.create(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("making the build workspace " + dir, e);
        }
    }

    private static Result failed(String message) {
        return new Result.Failed(new BuildOutcome.Failed(STEP, "Failed", List.of(message)));
    }

    /**
     * Runs git {@code command} in {@code workspace}, its output to the log, never asking for credentials (no terminal
     * prompt, ssh in batch mode); empty when it succeeded, else its last lines. Cancelling the run, interrupting
     * the thread or passing {@link #CLONE_LIMIT} kills it.
     */
    private static List<String> run(List<String> command, Path workspace, BuildOutput output)
            throws InterruptedException {
        ChildProcess.Result result = ChildProcess.run(command, workspace, GIT_ENV, output,
                Instant.now().plus(CLONE_LIMIT));
        if (result.cancelled()) {
            throw new InterruptedException("cancelled during git clone");
        }
        if (result.timedOut()) {
            return List.of("git clone took more than " + CLONE_LIMIT.toMinutes() + " minutes");
        }
        return result.succeeded() ? List.of() : result.tail();
    }
}

package dev.kumo.runtime.podman;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Following a conmon log file without podman: the file is written here as conmon writes it. */
class ContainerLogFileTest {

    private static final String T = "2026-12-06T07:16:58.906514209+00:00 ";

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void drainDoesNotHoldReadyBackWhileTheFilesPathIsUnknown(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ctr.log");
        Files.writeString(file, T + "stdout F before ready\n");
        CompletableFuture<Optional<Path>> path = new CompletableFuture<>();
        ContainerLogFile output = ContainerLogFile.follow(null, "c1", path, 5, lines::add);

        long start = System.nanoTime();
        output.drain();
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(took).as("drain waits briefly for a path asked for at creation").isLessThan(Duration.ofMillis(500));
        path.complete(Optional.of(file));
        output.end();
        assertThat(lines).containsExactly("before ready");
        assertThat(output.lastLines()).containsExactly("before ready");
    }

    @Test
    void aFollowerWhoseContainerWasRemovedWithoutAnEndLetsItsFileGo(@TempDir Path dir) throws IOException {
        Path userdata = Files.createDirectory(dir.resolve("userdata"));
        Path file = userdata.resolve("ctr.log");
        Files.writeString(file, T + "stdout F one\n");
        ContainerLogFile.follow(null, "c2", CompletableFuture.completedFuture(Optional.of(file)), 0, lines::add);
        await("the first line").atMost(Duration.ofSeconds(5)).until(() -> lines.contains("one"));

        Files.writeString(file, T + "stdout F two\n", StandardOpenOption.APPEND);
        Files.delete(file);
        Files.delete(userdata);

        await("the follower closed the removed file").atMost(Duration.ofSeconds(5))
                .until(() -> !holdsOpen(file));
        assertThat(lines).as("what was written before the removal is read").containsExactly("one", "two");
    }

    /** Whether this process has a descriptor open on {@code file} (deleted or not), from /proc/self/fd. */
    private static boolean holdsOpen(Path file) throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.equals(file.toString()) || target.equals(file + " (deleted)");
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            });
        }
    }

    @Test
    void linesWrittenAcrossARotationAreAllKept(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("ctr.log");
        Files.writeString(file, T + "stdout F first\n", StandardCharsets.UTF_8);
        ContainerLogFile output = ContainerLogFile.follow(null, "c3", CompletableFuture.completedFuture(
                Optional.of(file)), 0, lines::add);
        output.drain();

        Files.writeString(file, T + "stdout F last of the old file\n", StandardOpenOption.APPEND);
        Files.move(file, dir.resolve("ctr.log.1"));
        Files.writeString(file, T + "stdout F first of the new file\n");
        output.end();

        assertThat(lines).containsExactly("first", "last of the old file", "first of the new file");
    }
}

package dev.kumo.runtime.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.spi.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {

    private static final RevisionRef REVISION = RevisionRef.ofService("default", "hello", "hello-00001");
    private static final Instant T0 = Instant.parse("2026-12-06T08:00:00Z");

    @TempDir
    Path dir;

    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private final InstantSource clock = now::get;

    @Test
    void tailsTheLastLinesOldestFirstEachWithItsTimestamp() {
        RotatingLog log = log(1024 * 1024);
        IntStream.range(0, 50).forEach(i -> {
            now.set(T0.plusMillis(i));
            log.append("line " + i);
        });

        assertThat(texts(log.tail(3))).containsExactly("line 47", "line 48", "line 49");
        assertThat(log.tail(3).getLast().at()).isEqualTo(T0.plusMillis(49));
        assertThat(log.tail(100)).hasSize(50);
        assertThat(log.tail(0)).isEmpty();
    }

    @Test
    void keepsAtMostTheSizeKeptInTwoFilesOwnerOnlyAndTailsAcrossThem() throws Exception {
        RotatingLog log = log(2048);
        IntStream.range(0, 1000).forEach(i -> log.append("line %04d".formatted(i)));

        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("output.log", "output.log.1", "instance.properties");
        }
        assertThat(Files.size(dir.resolve("output.log"))).isLessThanOrEqualTo(1024);
        assertThat(Files.size(dir.resolve("output.log.1"))).isLessThanOrEqualTo(1024);
        for (String name : List.of("output.log", "output.log.1", "instance.properties")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(name))))
                    .isEqualTo("rw-------");
        }
        List<String> tail = texts(log.tail(30));
        assertThat(tail).hasSize(30).endsWith("line 0999");
        assertThat(tail.getFirst()).isEqualTo("line 0970");
    }

    @Test
    void followSendsTheTailThenNewLinesUntilClosed() {
        RotatingLog log = log(1024 * 1024);
        log.append("old 1");
        log.append("old 2");
        List<LogLine> seen = new CopyOnWriteArrayList<>();

        Subscription follow = log.follow(1, seen::add);
        log.append("new 1");
        follow.close();
        log.append("new 2");

        assertThat(texts(seen)).containsExactly("old 2", "new 1");
        assertThat(seen.getFirst().prefixed()).isEqualTo("hello-00001 > hello-00001-abcde | old 2");
    }

    @Test
    void thePreviousRunIsTheLinesBetweenTheLastTwoRunStarts() {
        RotatingLog log = log(1024 * 1024);
        log.runStarted(now.get());
        log.append("first run");
        assertThat(log.previousRun()).isEmpty();
        now.set(T0.plusSeconds(1));
        log.append("first run, last words");
        now.set(T0.plusSeconds(2));
        log.runStarted(now.get());
        log.append("second run");

        assertThat(texts(log.previousRun())).containsExactly("first run", "first run, last words");
    }

    @Test
    void aRestartFindsTheLogAndWhenItsInstanceStopped() {
        RotatingLog log = log(1024 * 1024);
        log.append("before the restart");
        log.stopped(T0.plusSeconds(5));
        log.append("dropped: the instance stopped");

        RotatingLog.Restored restored = RotatingLog.restore(dir, 1024 * 1024, clock).orElseThrow();

        assertThat(restored.stoppedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(restored.log().revision()).isEqualTo(REVISION);
        assertThat(restored.log().instanceId()).isEqualTo("hello-00001-abcde");
        assertThat(texts(restored.log().lines())).containsExactly("before the restart");
        assertThat(RotatingLog.restore(dir.resolve("none"), 1024 * 1024, clock)).isEmpty();
    }

    @Test
    void everyLaterRestartStillKnowsWhenTheInstanceStopped() {
        RotatingLog log = log(1024 * 1024);
        log.append("before the restarts");
        log.stopped(T0.plusSeconds(5));

        RotatingLog.restore(dir, 1024 * 1024, clock).orElseThrow();
        now.set(T0.plus(java.time.Duration.ofDays(1)));
        RotatingLog.Restored second = RotatingLog.restore(dir, 1024 * 1024, clock).orElseThrow();

        assertThat(second.stoppedAt()).as("not the first restart's rewrite of the owner file").isEqualTo(
                T0.plusSeconds(5));
    }

    @Test
    void aLineCutByACrashLeavesTheOthersReadable() throws Exception {
        RotatingLog log = log(1024 * 1024);
        log.append("whole");
        log.stopped(T0.plusSeconds(1));
        // A multi-byte character cut in the middle, as a crash or a full disk leaves it.
        Files.write(dir.resolve("output.log"), new byte[] {'x', ' ', (byte) 0xC3}, java.nio.file.StandardOpenOption.APPEND);

        RotatingLog.Restored restored = RotatingLog.restore(dir, 1024 * 1024, clock).orElseThrow();

        assertThat(texts(restored.log().lines())).containsExactly("whole", "x \uFFFD");
    }

    @Test
    void discardRemovesTheFiles() {
        RotatingLog log = log(1024 * 1024);
        log.append("soon gone");

        log.discard();

        assertThat(dir).doesNotExist();
    }

    private RotatingLog log(long maxBytes) {
        return new RotatingLog(dir, maxBytes, REVISION, "hello-00001-abcde", clock);
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}

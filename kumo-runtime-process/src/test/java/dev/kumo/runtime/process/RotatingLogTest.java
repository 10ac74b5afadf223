package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingLogTest {

    @TempDir
    Path dir;

    @Test
    void tailsTheLastLinesOldestFirst() {
        RotatingLog log = new RotatingLog(dir, 1024 * 1024, "hello-00001", "hello-00001-abcde");
        IntStream.range(0, 50).forEach(i -> log.append("line " + i));

        assertThat(texts(log.tail(3))).containsExactly("line 47", "line 48", "line 49");
        assertThat(log.tail(100)).hasSize(50);
        assertThat(log.tail(0)).isEmpty();
    }

    @Test
    void keepsAtMostTwoFilesOfTheLimitAndTailsAcrossThem() throws Exception {
        RotatingLog log = new RotatingLog(dir, 1024, "r", "i");
        IntStream.range(0, 1000).forEach(i -> log.append("line %04d".formatted(i)));

        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .containsExactlyInAnyOrder("output.log", "output.log.1");
        }
        assertThat(Files.size(dir.resolve("output.log"))).isLessThanOrEqualTo(1024);
        assertThat(Files.size(dir.resolve("output.log.1"))).isLessThanOrEqualTo(1024);
        List<String> tail = texts(log.tail(150));
        assertThat(tail).hasSize(150).endsWith("line 0999");
        assertThat(tail.getFirst()).isEqualTo("line 0850");
    }

    @Test
    void followSendsTheTailThenNewLinesUntilClosed() {
        RotatingLog log = new RotatingLog(dir, 1024 * 1024, "hello-00001", "hello-00001-abcde");
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
    void survivesReopeningAndKeepsAppending() {
        new RotatingLog(dir, 1024 * 1024, "r", "i").append("first run");
        RotatingLog again = new RotatingLog(dir, 1024 * 1024, "r", "i");
        again.append("second run");

        assertThat(texts(again.tail(10))).containsExactly("first run", "second run");
    }

    private static List<String> texts(List<LogLine> lines) {
        return lines.stream().map(LogLine::text).toList();
    }
}

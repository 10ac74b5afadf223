package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.runtime.spi.LogLine;
import dev.kumo.runtime.spi.RevisionRef;
import dev.kumo.runtime.support.RotatingLog;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPumpTest {

    @TempDir
    Path dir;

    @Test
    void splitsLinesDropsCarriageReturnsAndKeepsAnUnterminatedLastLine() {
        List<String> lines = pump("one\r\ntwo\n\nthree");

        assertThat(lines).containsExactly("one", "two", "", "three");
    }

    @Test
    void splitsOverlongLines() {
        List<String> lines = pump("x".repeat(LogPump.MAX_LINE_BYTES + 10) + "\n");

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).hasSize(LogPump.MAX_LINE_BYTES);
        assertThat(lines.get(1)).isEqualTo("x".repeat(10));
    }

    @Test
    void keepsUtf8() {
        assertThat(pump("héllo ☁\n")).containsExactly("héllo ☁");
    }

    private List<String> pump(String output) {
        RotatingLog log = new RotatingLog(dir, 1024 * 1024, RevisionRef.ofService("default", "r", "r-00001"), "i",
                InstantSource.system());
        new LogPump(new ByteArrayInputStream(output.getBytes(StandardCharsets.UTF_8)), log).run();
        return log.tail(100).stream().map(LogLine::text).toList();
    }
}

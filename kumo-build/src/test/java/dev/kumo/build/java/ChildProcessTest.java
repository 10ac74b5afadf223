package dev.kumo.build.java;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child that outlives its deadline is killed, even one that prints nothing. */
class ChildProcessTest {

    @Test
    void aSilentChildPastItsDeadlineIsKilled(@TempDir Path dir) throws Exception {
        long started = System.nanoTime();

        ChildProcess.Result result = ChildProcess.run(List.of("sleep", "60"), dir, Map.of(), new RecordingOutput(),
                Instant.now().plusMillis(300));

        assertThat(result.timedOut()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(20));
    }
}

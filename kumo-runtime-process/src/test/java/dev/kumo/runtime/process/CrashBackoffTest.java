package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CrashBackoffTest {

    private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
    private static final CrashBackoff BACKOFF = CrashBackoff.defaults();

    record Row(String name, int previousCrashes, Duration ran, int wantCrashes, Duration wantDelay) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("first crash waits 1s", 0, Duration.ofSeconds(1), 1, Duration.ofSeconds(1)),
                new Row("second crash waits 2s", 1, Duration.ofSeconds(1), 2, Duration.ofSeconds(2)),
                new Row("third crash waits 4s", 2, Duration.ofMillis(10), 3, Duration.ofSeconds(4)),
                new Row("ninth crash waits 256s", 8, Duration.ZERO, 9, Duration.ofSeconds(256)),
                new Row("tenth crash is capped at 5min", 9, Duration.ZERO, 10, Duration.ofMinutes(5)),
                new Row("a huge count stays capped", 10_000, Duration.ZERO, 10_001, Duration.ofMinutes(5)),
                new Row("just under 10min of running keeps counting", 5, Duration.ofMinutes(10).minusMillis(1), 6,
                        Duration.ofSeconds(32)),
                new Row("10min of running resets the count", 9, Duration.ofMinutes(10), 1, Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void decidesTheNextRestart(Row row) {
        Instant ended = T0.plus(row.ran());

        CrashBackoff.Restart restart = BACKOFF.next(row.previousCrashes(), T0, ended);

        assertThat(restart.consecutiveCrashes()).isEqualTo(row.wantCrashes());
        assertThat(restart.at()).isEqualTo(ended.plus(row.wantDelay()));
    }

    @Test
    void rejectsAnInitialDelayAboveTheCap() {
        assertThatThrownBy(() -> new CrashBackoff(Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0 < initial <= max");
    }
}

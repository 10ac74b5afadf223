package dev.kumo.runtime.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class StartPollingTest {

    private static final Instant FROM = Instant.parse("2025-01-01T00:00:00Z");

    record Row(String name, Duration lastLook, boolean covered, Duration wantNext) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("at the start: 0.5 ms", Duration.ZERO, true, Duration.ofNanos(500_000)),
                new Row("still 0.5 ms just before 20 ms", Duration.ofNanos(19_900_000), true,
                        Duration.ofNanos(20_400_000)),
                new Row("1 ms from 20 ms", Duration.ofMillis(20), true, Duration.ofMillis(21)),
                new Row("1 ms at 500 ms", Duration.ofMillis(500), true, Duration.ofMillis(501)),
                new Row("the last look ends at the window's end", Duration.ofNanos(999_500_000), true,
                        Duration.ofSeconds(1)),
                new Row("past the window: the scheduled probes take over", Duration.ofSeconds(1), false,
                        Duration.ofSeconds(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void looksFastWhileTheStartIsYoung(Row row) {
        StartPolling polling = new StartPolling(FROM);
        Instant last = FROM.plus(row.lastLook());

        assertThat(polling.covers(last)).isEqualTo(row.covered());
        assertThat(polling.after(last)).isEqualTo(FROM.plus(row.wantNext()));
    }
}

package dev.kumo.controller.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class BackoffTest {

    record Row(String name, Backoff backoff, int failures, Duration want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        Backoff fiveMs = new Backoff(Duration.ofMillis(5), Duration.ofSeconds(1));
        return Stream.of(
                new Row("first failure waits the base", fiveMs, 1, Duration.ofMillis(5)),
                new Row("second failure doubles", fiveMs, 2, Duration.ofMillis(10)),
                new Row("fifth failure is base x 16", fiveMs, 5, Duration.ofMillis(80)),
                new Row("capped at max", fiveMs, 9, Duration.ofSeconds(1)),
                new Row("huge counts stay at max", fiveMs, 10_000, Duration.ofSeconds(1)),
                new Row("default starts at 5 ms", Backoff.DEFAULT, 1, Duration.ofMillis(5)),
                new Row("default caps at 5 minutes", Backoff.DEFAULT, 40, Duration.ofMinutes(5)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void delay(Row row) {
        assertThat(row.backoff().delay(row.failures())).isEqualTo(row.want());
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Backoff.DEFAULT.delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}

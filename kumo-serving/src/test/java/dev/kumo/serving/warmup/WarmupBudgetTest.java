package dev.kumo.serving.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class WarmupBudgetTest {

    private static final WarmupBudget BUDGET = new WarmupBudget(WarmupSettings.DEFAULTS);

    record Row(String name, int rounds, Duration cpu, Duration wall, Optional<String> stop) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("fresh", 0, Duration.ZERO, Duration.ZERO, Optional.empty()),
                new Row("under every bound", 299, Duration.ofMillis(1999), Duration.ofSeconds(29), Optional.empty()),
                new Row("all rounds done", 300, Duration.ofMillis(500), Duration.ofSeconds(1), Optional.of("rounds")),
                new Row("CPU spent", 120, Duration.ofSeconds(2), Duration.ofSeconds(2), Optional.of("cpu")),
                new Row("time up", 40, Duration.ofMillis(800), Duration.ofSeconds(30), Optional.of("time")),
                new Row("rounds first, then CPU", 300, Duration.ofSeconds(3), Duration.ofSeconds(31),
                        Optional.of("rounds")));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void stopsAtTheFirstBoundReached(Row row) {
        assertThat(BUDGET.stop(row.rounds(), row.cpu(), row.wall())).isEqualTo(row.stop());
    }

    @Test
    void yieldsWhileUserTrafficIsRecent() {
        assertThat(BUDGET.yields(Duration.ofMillis(10))).isTrue();
        assertThat(BUDGET.yields(Duration.ofMillis(999))).isTrue();
        assertThat(BUDGET.yields(Duration.ofSeconds(1))).isFalse();
        assertThat(BUDGET.yields(Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void zeroRoundsStopsAtOnce() {
        assertThat(new WarmupBudget(WarmupSettings.DEFAULTS.withRounds(0)).stop(0, Duration.ZERO, Duration.ZERO))
                .contains("rounds");
    }

    @Test
    void refusesNegativeBoundsNamingThem() {
        assertThatThrownBy(() -> WarmupSettings.DEFAULTS.withRounds(-1)).hasMessageContaining("warm-up rounds is -1");
        assertThatThrownBy(() -> new WarmupSettings(1, Duration.ofSeconds(-1), Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("must not be negative");
    }
}

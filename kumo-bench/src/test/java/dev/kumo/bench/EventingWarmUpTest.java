package dev.kumo.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class EventingWarmUpTest {

    /** A round in which the mesh used 1 s of CPU, {@code jitMillis} of it in its JIT threads. */
    private static RunCpu round(long jitMillis) {
        return new RunCpu(Duration.ofSeconds(1), Duration.ofMillis(jitMillis), Duration.ofSeconds(1),
                Duration.ZERO);
    }

    static Stream<Arguments> rounds() {
        return Stream.of(
                Arguments.of("none yet", List.of(), true),
                Arguments.of("the JIT busy in the last", List.of(round(540)), true),
                Arguments.of("settled before, busy again in the last", List.of(round(40), round(90)), true),
                Arguments.of("the last at the bound", List.of(round(540), round(360), round(50)), false),
                Arguments.of("the last under it", List.of(round(540), round(30)), false),
                Arguments.of("never settled, the rounds used up", Collections.nCopies(5, round(300)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounds")
    void anotherRoundIsDueUntilTheJitIsAtMostFivePercentOfTheMeshsCpuOrFiveRoundsHaveRun(String name,
            List<RunCpu> rounds, boolean another) {
        assertThat(EventingBenchmark.warmingUp(rounds)).isEqualTo(another);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rounds")
    void aRoundsSharesAddUpFromItsRuns(String name, List<RunCpu> rounds, boolean another) {
        RunCpu sum = rounds.stream().reduce(RunCpu.NONE, RunCpu::plus);

        assertThat(sum.minus(sum)).isEqualTo(RunCpu.NONE);
        assertThat(sum.meshJitPercent()).isCloseTo(rounds.isEmpty() ? 0
                : rounds.stream().mapToDouble(RunCpu::meshJitPercent).average().orElseThrow(), within(1e-9));
        assertThat(sum.benchJitPercent()).isZero();
    }
}

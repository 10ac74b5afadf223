package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class WeightedPickerTest {

    record Row(String name, int[] percents) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(new Row("all to one", new int[] {100}), new Row("50/50", new int[] {50, 50}),
                new Row("90/10", new int[] {90, 10}), new Row("with a zero", new int[] {0, 70, 0, 30}),
                new Row("thirds", new int[] {33, 33, 34}), new Row("1/99", new int[] {1, 99}));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void everyRollOfAHundredGivesEachTargetExactlyItsPercent(Row row) {
        WeightedPicker picker = new WeightedPicker(row.percents());
        int[] hits = new int[row.percents().length];
        for (int roll = 0; roll < 100; roll++) {
            hits[picker.pick(roll)]++;
        }
        assertThat(hits).containsExactly(row.percents());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void seededRandomRollsFollowTheWeights(Row row) {
        WeightedPicker picker = new WeightedPicker(row.percents());
        SplittableRandom random = new SplittableRandom(42);
        int[] hits = new int[row.percents().length];
        for (int i = 0; i < 100_000; i++) {
            hits[picker.pick(random.nextInt(100))]++;
        }
        for (int t = 0; t < hits.length; t++) {
            assertThat(hits[t] / 1000.0).as("percent of target %d", t).isCloseTo(row.percents()[t],
                    offset(1.0));
        }
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void percentsNotSummingToAHundredAreRejected(int[] percents) {
        assertThatThrownBy(() -> new WeightedPicker(percents)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("want 100");
    }

    static Stream<int[]> badRows() {
        return Stream.of(new int[] {50, 40}, new int[] {}, new int[] {0});
    }
}

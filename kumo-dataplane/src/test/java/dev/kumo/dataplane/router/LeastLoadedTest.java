package dev.kumo.dataplane.router;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class LeastLoadedTest {

    record Row(String name, int[] loads, boolean[] usable, int start, int limit, int want) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final boolean Y = true;
    private static final boolean N = false;

    static Stream<Row> rows() {
        return Stream.of(
                new Row("no instances", new int[] {}, new boolean[] {}, 0, 0, -1),
                new Row("fewest in flight", new int[] {3, 1, 2}, new boolean[] {Y, Y, Y}, 0, 0, 1),
                new Row("tie goes to the first from start", new int[] {1, 1, 1}, new boolean[] {Y, Y, Y}, 2, 0, 2),
                new Row("tie wraps around", new int[] {0, 5, 0}, new boolean[] {Y, Y, Y}, 1, 0, 2),
                new Row("ejected is skipped", new int[] {0, 4}, new boolean[] {N, Y}, 0, 0, 1),
                new Row("all ejected", new int[] {0, 0}, new boolean[] {N, N}, 0, 0, -1),
                new Row("unlimited ignores load", new int[] {900, 1000}, new boolean[] {Y, Y}, 0, 0, 0),
                new Row("below the limit", new int[] {1, 0}, new boolean[] {Y, Y}, 0, 1, 1),
                new Row("all at the limit", new int[] {1, 1}, new boolean[] {Y, Y}, 0, 1, -1),
                new Row("limit with ejected", new int[] {0, 2, 1}, new boolean[] {N, Y, Y}, 0, 2, 2));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void picks(Row row) {
        int picked = LeastLoaded.pick(row.loads().length, row.start(), i -> row.usable()[i], i -> row.loads()[i],
                row.limit());
        assertThat(picked).isEqualTo(row.want());
    }
}

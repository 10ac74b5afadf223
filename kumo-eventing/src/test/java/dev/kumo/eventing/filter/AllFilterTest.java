package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.FilterSpec.all;
import static dev.kumo.eventing.filter.TestEvents.FAIL;
import static dev.kumo.eventing.filter.TestEvents.PASS;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code all} dialect, flat and nested, as in Knative's all_filter_test.go. */
class AllFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("empty: ignored", all(), true),
                new Row("one pass", all(PASS), true),
                new Row("one fail", all(FAIL), false),
                new Row("pass and fail", all(PASS, FAIL), false),
                new Row("fail and pass", all(FAIL, PASS), false),
                new Row("pass and pass", all(PASS, PASS), true),
                new Row("fail and fail", all(FAIL, FAIL), false),
                new Row("all(all(pass))", all(all(PASS)), true),
                new Row("all(all(fail))", all(all(FAIL)), false),
                new Row("all(pass, all(fail))", all(PASS, all(FAIL)), false),
                new Row("all(pass, all(pass))", all(PASS, all(PASS)), true),
                new Row("all(fail, all(fail))", all(FAIL, all(FAIL)), false),
                new Row("all(fail, all(pass))", all(FAIL, all(PASS)), false),
                new Row("all(pass, all(pass, fail))", all(PASS, all(PASS, FAIL)), false),
                new Row("all(pass, all(pass, pass))", all(PASS, all(PASS, PASS)), true),
                new Row("all(pass, all(fail, fail))", all(PASS, all(FAIL, FAIL)), false),
                new Row("all(fail, all(pass, fail))", all(FAIL, all(PASS, FAIL)), false),
                new Row("all(fail, all(pass, pass))", all(FAIL, all(PASS, PASS)), false),
                new Row("all(fail, all(fail, fail))", all(FAIL, all(FAIL, FAIL)), false),
                new Row("an empty nested all is left out", all(FAIL, all()), false),
                new Row("only empty nested filters: ignored", all(all(), FilterSpec.cesql("")), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void allOf(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }
}

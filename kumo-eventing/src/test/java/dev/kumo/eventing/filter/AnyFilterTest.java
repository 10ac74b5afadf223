package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.FilterSpec.any;
import static dev.kumo.eventing.filter.TestEvents.FAIL;
import static dev.kumo.eventing.filter.TestEvents.PASS;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code any} dialect, flat and nested, as in Knative's any_filter_test.go. */
class AnyFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("empty: ignored", any(), true),
                new Row("one pass", any(PASS), true),
                new Row("one fail", any(FAIL), false),
                new Row("pass and fail", any(PASS, FAIL), true),
                new Row("fail and pass", any(FAIL, PASS), true),
                new Row("pass and pass", any(PASS, PASS), true),
                new Row("fail and fail", any(FAIL, FAIL), false),
                new Row("any(any(pass))", any(any(PASS)), true),
                new Row("any(any(fail))", any(any(FAIL)), false),
                new Row("any(pass, any(fail))", any(PASS, any(FAIL)), true),
                new Row("any(pass, any(pass))", any(PASS, any(PASS)), true),
                new Row("any(fail, any(fail))", any(FAIL, any(FAIL)), false),
                new Row("any(fail, any(pass))", any(FAIL, any(PASS)), true),
                new Row("any(pass, any(pass, fail))", any(PASS, any(PASS, FAIL)), true),
                new Row("any(pass, any(pass, pass))", any(PASS, any(PASS, PASS)), true),
                new Row("any(pass, any(fail, fail))", any(PASS, any(FAIL, FAIL)), true),
                new Row("any(fail, any(pass, fail))", any(FAIL, any(PASS, FAIL)), true),
                new Row("any(fail, any(pass, pass))", any(FAIL, any(PASS, PASS)), true),
                new Row("any(fail, any(fail, fail))", any(FAIL, any(FAIL, FAIL)), false),
                new Row("an empty nested any is left out", any(FAIL, any()), false),
                new Row("any within all", FilterSpec.all(PASS, any(FAIL, PASS)), true),
                new Row("all within any", any(FAIL, FilterSpec.all(PASS, FAIL)), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anyOf(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }
}

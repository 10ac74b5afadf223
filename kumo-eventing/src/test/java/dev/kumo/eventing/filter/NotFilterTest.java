package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.FilterSpec.all;
import static dev.kumo.eventing.filter.FilterSpec.any;
import static dev.kumo.eventing.filter.FilterSpec.not;
import static dev.kumo.eventing.filter.TestEvents.FAIL;
import static dev.kumo.eventing.filter.TestEvents.PASS;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code not} dialect, as in Knative's not_filter_test.go, and nested in all / any. */
class NotFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("not of an ignored filter is ignored", not(all()), true),
                new Row("not pass", not(PASS), false),
                new Row("not fail", not(FAIL), true),
                new Row("not not pass", not(not(PASS)), true),
                new Row("not all(pass, fail)", not(all(PASS, FAIL)), true),
                new Row("not any(pass, fail)", not(any(PASS, FAIL)), false),
                new Row("all(pass, not fail)", all(PASS, not(FAIL)), true),
                new Row("any(fail, not pass)", any(FAIL, not(PASS)), false),
                new Row("not of a missing attribute passes", not(FilterSpec.exact("missing", "x")), true),
                new Row("not of a CESQL error passes (the inner filter failed)", not(FilterSpec.cesql("missing = 1")),
                        true),
                new Row("not next to an ignored filter", all(PASS, not(FilterSpec.exact("type", ""))), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void negation(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }
}

package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.EXTENSION;
import static dev.kumo.eventing.filter.TestEvents.EXTENSION_VALUE;
import static dev.kumo.eventing.filter.TestEvents.TYPE;
import static dev.kumo.eventing.filter.TestEvents.TYPE_PREFIX;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static dev.kumo.eventing.filter.TestEvents.withExtension;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code prefix} dialect, with the cases of Knative's prefix_filter_test.go and a few more. */
class PrefixFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("missing attribute", FilterSpec.prefix("some-other-attribute", "wrong.prefix"), false),
                new Row("wrong type prefix", FilterSpec.prefix("type", "wrong.prefix"), false),
                new Row("wrong source prefix", FilterSpec.prefix("source", "wrong.prefix"), false),
                new Row("wrong extension prefix", FilterSpec.prefix(EXTENSION, "wrong.prefix"), false),
                new Row("match type prefix", FilterSpec.prefix("type", TYPE_PREFIX), true),
                new Row("the whole value is a prefix", FilterSpec.prefix("type", TYPE), true),
                new Row("longer than the value", FilterSpec.prefix("type", TYPE + ".more"), false),
                new Row("match source prefix", FilterSpec.prefix("source", "http://"), true),
                new Row("match extension prefix", FilterSpec.prefix(EXTENSION, "my-ext"),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("prefix is case-sensitive", FilterSpec.prefix("type", "DEV.knative"), false),
                new Row("unset optional attribute", FilterSpec.prefix("subject", "a"), false),
                new Row("wrong type and source", prefix("type", "wrong.prefix", "source", "wrong.prefix"), false),
                new Row("match type and wrong source", prefix("type", TYPE_PREFIX, "source", "wrong.prefix"), false),
                new Row("match type and match source", prefix("type", TYPE_PREFIX, "source", "http"), true),
                new Row("match type and missing extension", prefix("type", TYPE_PREFIX, EXTENSION, "my"), false),
                new Row("match type and match extension", prefix("type", TYPE_PREFIX, EXTENSION, "my"),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("an empty prefix: Knative ignores the whole filter", FilterSpec.prefix("type", ""), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void prefix(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }

    private static FilterSpec prefix(String name1, String value1, String name2, String value2) {
        return new FilterSpec.Prefix(new TreeMap<>(Map.of(name1, value1, name2, value2)));
    }
}

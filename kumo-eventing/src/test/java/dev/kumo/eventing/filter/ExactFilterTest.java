package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.EXTENSION;
import static dev.kumo.eventing.filter.TestEvents.EXTENSION_VALUE;
import static dev.kumo.eventing.filter.TestEvents.SOURCE;
import static dev.kumo.eventing.filter.TestEvents.TYPE;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static dev.kumo.eventing.filter.TestEvents.withExtension;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code exact} dialect, with the cases of Knative's exact_filter_test.go and a few more. */
class ExactFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("wrong type", FilterSpec.exact("type", "some-other-type"), false),
                new Row("wrong source", FilterSpec.exact("source", "some-other-source"), false),
                new Row("wrong extension", FilterSpec.exact(EXTENSION, "some-other-extension"), false),
                new Row("match type", FilterSpec.exact("type", TYPE), true),
                new Row("match source", FilterSpec.exact("source", SOURCE), true),
                new Row("match extension", FilterSpec.exact(EXTENSION, EXTENSION_VALUE),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("missing attribute", FilterSpec.exact("missingattribute", "missingvalue"), false),
                new Row("unset optional attribute", FilterSpec.exact("subject", "x"), false),
                new Row("value is case-sensitive", FilterSpec.exact("type", TYPE.toUpperCase()), false),
                new Row("name is case-sensitive", FilterSpec.exact("Type", TYPE), false),
                new Row("prefix is not a match", FilterSpec.exact("type", "dev.knative"), false),
                new Row("wrong type and source", exact("type", "some-other-type", "source", "some-other-source"),
                        false),
                new Row("match type and wrong source", exact("type", TYPE, "source", "some-other-source"), false),
                new Row("match type and match source", exact("type", TYPE, "source", SOURCE), true),
                new Row("match type and missing extension", exact("type", TYPE, EXTENSION, EXTENSION_VALUE),
                        false),
                new Row("match type and match extension", exact("type", TYPE, EXTENSION, EXTENSION_VALUE),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("an empty value: Knative ignores the whole filter", exact("type", "other", "source", ""),
                        true),
                new Row("an empty name: Knative ignores the whole filter", FilterSpec.exact("", "x"), true),
                new Row("no attributes: ignored", new FilterSpec.Exact(Map.of()), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void exact(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }

    private static FilterSpec exact(String name1, String value1, String name2, String value2) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(name1, value1);
        attributes.put(name2, value2);
        return new FilterSpec.Exact(attributes);
    }
}

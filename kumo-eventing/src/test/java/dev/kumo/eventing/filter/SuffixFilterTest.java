package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.EXTENSION;
import static dev.kumo.eventing.filter.TestEvents.EXTENSION_VALUE;
import static dev.kumo.eventing.filter.TestEvents.TYPE;
import static dev.kumo.eventing.filter.TestEvents.TYPE_SUFFIX;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static dev.kumo.eventing.filter.TestEvents.withExtension;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The {@code suffix} dialect, with the cases of Knative's suffix_filter_test.go and a few more. */
class SuffixFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("missing attribute", FilterSpec.suffix("some-other-attribute", "wrong.suffix"), false),
                new Row("wrong type suffix", FilterSpec.suffix("type", "wrong.suffix"), false),
                new Row("wrong source suffix", FilterSpec.suffix("source", "wrong.suffix"), false),
                new Row("wrong extension suffix", FilterSpec.suffix(EXTENSION, "wrong.suffix"), false),
                new Row("match type suffix", FilterSpec.suffix("type", TYPE_SUFFIX), true),
                new Row("the whole value is a suffix", FilterSpec.suffix("type", TYPE), true),
                new Row("match source suffix", FilterSpec.suffix("source", ".source"), true),
                new Row("match extension suffix", FilterSpec.suffix(EXTENSION, "-value"),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("suffix is case-sensitive", FilterSpec.suffix("type", "EXAMPLE"), false),
                new Row("match type and match extension",
                        new FilterSpec.Suffix(Map.of("type", TYPE_SUFFIX, EXTENSION, "value")),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("match type and missing extension",
                        new FilterSpec.Suffix(Map.of("type", TYPE_SUFFIX, EXTENSION, "value")), false),
                new Row("an empty suffix: Knative ignores the whole filter", FilterSpec.suffix("type", ""), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void suffix(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }
}

package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.EXTENSION;
import static dev.kumo.eventing.filter.TestEvents.EXTENSION_VALUE;
import static dev.kumo.eventing.filter.TestEvents.TYPE;
import static dev.kumo.eventing.filter.TestEvents.event;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static dev.kumo.eventing.filter.TestEvents.withExtension;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.eventing.filter.TestEvents.Row;
import io.cloudevents.CloudEvent;
import io.cloudevents.sql.EvaluationException.ErrorKind;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code cesql} dialect: Knative's cesql_filter_test.go cases, Kumo's workarounds, and compile errors. */
class CesqlFilterTest {

    private static final CloudEvent WITH_TTL = event(b -> b.withExtension("knativebrokerttl", 20));

    static Stream<Row> rows() {
        OffsetDateTime zeroSeconds = OffsetDateTime.parse("2018-04-26T14:48:00+02:00");
        return Stream.of(
                new Row("empty expression: ignored", FilterSpec.cesql(""), true),
                new Row("wrong type", FilterSpec.cesql("type = 'wrong.type'"), false),
                new Row("wrong extension", FilterSpec.cesql(EXTENSION + " = 'wrong.extension'"),
                        withExtension(EXTENSION, EXTENSION_VALUE), false),
                new Row("match type", FilterSpec.cesql("type = '" + TYPE + "'"), true),
                new Row("match extension", FilterSpec.cesql(EXTENSION + " = '" + EXTENSION_VALUE + "'"),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("match numeric extension", FilterSpec.cesql("knativebrokerttl < 30"), WITH_TTL, true),
                new Row("numeric extension sent as a string", FilterSpec.cesql("knativebrokerttl < 30"),
                        withExtension("knativebrokerttl", "20"), true),
                new Row("match type or source", FilterSpec.cesql("(type = '" + TYPE + "') OR (source = 'x')"), true),
                new Row("missing attribute in a less-than comparison", FilterSpec.cesql("missingattribute < 5"),
                        false),
                new Row("missing attribute in an equality", FilterSpec.cesql("missingattribute = missinsvalue"),
                        false),
                new Row("an error fails the filter even when the value would be true",
                        FilterSpec.cesql("type = '" + TYPE + "' OR missing = 1"), event(b -> b.withType("x")), false),
                new Row("EXISTS guards a missing attribute", FilterSpec.cesql("EXISTS missing AND missing = 1"),
                        false),
                new Row("a non-boolean value does not pass", FilterSpec.cesql("type"), false),
                new Row("the string 'true' is not a boolean", FilterSpec.cesql("'true'"), false),
                new Row("keywords and function names are case-insensitive",
                        FilterSpec.cesql("upper(type) = 'DEV.KNATIVE.EXAMPLE' and true"), true),
                new Row("values are case-sensitive", FilterSpec.cesql("type = 'DEV.KNATIVE.EXAMPLE'"), false),
                new Row("LIKE", FilterSpec.cesql("type LIKE 'dev.%.exam_le'"), true),
                new Row("AND and OR without parentheses group to the right, as in the spec's grammar and Go's SDK",
                        FilterSpec.cesql("false AND true OR true"), false),
                new Row("time with zero seconds is RFC 3339 (cloudevents-sql would say 14:48+02:00)",
                        FilterSpec.cesql("time = '2018-04-26T14:48:00+02:00'"), event(b -> b.withTime(zeroSeconds)),
                        true),
                new Row("a time-typed extension is RFC 3339 too", FilterSpec.cesql("when = '2018-04-26T14:48:00+02:00'"),
                        event(b -> b.withExtension("when", zeroSeconds)), true),
                new Row("URI attributes compare as strings", FilterSpec.cesql("dataschema = 'http://s/x'"),
                        event(b -> b.withDataSchema(URI.create("http://s/x"))), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void cesql(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }

    @Test
    void evaluationReportsTheFirstError() {
        CesqlFilter filter = CesqlFilter.compile("missing = 1 OR 1 / 0 = 0", "cesql");

        assertThat(filter.evaluate(event())).isInstanceOfSatisfying(CesqlResult.Failed.class, failed -> {
            assertThat(failed.kind()).isEqualTo(ErrorKind.MISSING_ATTRIBUTE);
            assertThat(failed.message()).contains("missing");
        });
    }

    /** The first four make cloudevents-sql 4.0.1 throw a NullPointerException; Kumo reports them properly. */
    @ParameterizedTest
    @ValueSource(strings = {"type = 'a' )", "(type = 'a'", "type == 'a'", "type = 'a' type", "type = ", "'abc",
        "2147483648", "a LIKE b"})
    void invalidExpressionsFailToCompileWithTheExpressionAndTheParserMessage(String expression) {
        List<FilterSpec> filters = List.of(FilterSpec.all(TestEvents.PASS, FilterSpec.cesql(expression)));

        assertThatThrownBy(() -> Filters.compile(filters))
                .isInstanceOfSatisfying(InvalidFilterException.class, e -> {
                    assertThat(e.field()).isEqualTo("filters[0].all[1].cesql");
                    assertThat(e.getMessage()).startsWith("filters[0].all[1].cesql: invalid CESQL expression \""
                            + expression + "\": ").contains("fix the expression").doesNotContain("NullPointer");
                });
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> Filters.compile(FilterSpec.cesql("type = 'a' )")))
                .hasMessage("cesql: invalid CESQL expression \"type = 'a' )\": at column 12: extraneous input ')'"
                        + " expecting <EOF>; fix the expression (CESQL v1:"
                        + " https://github.com/cloudevents/spec/blob/main/cesql/spec.md)");
    }

    @Test
    void oneCompiledFilterIsSharedByManyThreads() throws Exception {
        EventFilter filter = Filters.compile(FilterSpec.cesql("type LIKE 'dev.%' AND knativebrokerttl % 2 = 0"));
        List<CloudEvent> events = IntStream.range(0, 64)
                .mapToObj(i -> event(b -> b.withExtension("knativebrokerttl", i))).toList();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Long>> counts = IntStream.range(0, 8)
                    .mapToObj(t -> pool.submit(() -> IntStream.range(0, 100)
                            .mapToLong(round -> events.stream().filter(filter).count()).sum()))
                    .toList();
            for (Future<Long> count : counts) {
                assertThat(count.get()).isEqualTo(100L * 32);
            }
        }
    }
}

package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.EXTENSION;
import static dev.kumo.eventing.filter.TestEvents.EXTENSION_VALUE;
import static dev.kumo.eventing.filter.TestEvents.SOURCE;
import static dev.kumo.eventing.filter.TestEvents.SUBJECT;
import static dev.kumo.eventing.filter.TestEvents.TYPE;
import static dev.kumo.eventing.filter.TestEvents.event;
import static dev.kumo.eventing.filter.TestEvents.passes;
import static dev.kumo.eventing.filter.TestEvents.withExtension;
import static dev.kumo.eventing.filter.TestEvents.withSubject;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.filter.TestEvents.Row;
import java.net.URI;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The legacy {@code filter.attributes}, with the cases of Knative's attributes/filter_test.go. */
class AttributesFilterTest {

    static Stream<Row> rows() {
        return Stream.of(
                new Row("wrong type", attributes("type", "some-other-type", "source", ""), false),
                new Row("wrong source", attributes("type", "", "source", "some-other-source"), false),
                new Row("any (empty values)", attributes("type", "", "source", ""), true),
                new Row("specific", attributes("type", TYPE, "source", SOURCE), true),
                new Row("extension with attributes", attributes("type", TYPE, EXTENSION, EXTENSION_VALUE),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("any extension, without the extension in the event", attributes("type", TYPE, EXTENSION, ""),
                        false),
                new Row("any extension, with the extension in the event", attributes("type", TYPE, EXTENSION, ""),
                        withExtension(EXTENSION, EXTENSION_VALUE), true),
                new Row("any extension, the extension is empty", attributes("type", TYPE, EXTENSION, ""),
                        withExtension(EXTENSION, ""), false),
                new Row("subject with attributes", attributes("type", TYPE, "subject", SUBJECT),
                        withSubject(SUBJECT), true),
                new Row("any subject, without subject in the event", attributes("type", TYPE, "subject", ""), false),
                new Row("any subject, with subject in the event", attributes("type", TYPE, "subject", ""),
                        withSubject(SUBJECT), true),
                new Row("any, with the arrival time extension", attributes("type", "", "source", ""),
                        withExtension("knativearrivaltime", "2019-08-26T23:38:17.834384404Z"), true),
                new Row("wrong extension value", attributes("type", TYPE, EXTENSION, "some-other-extension-value"),
                        withExtension(EXTENSION, EXTENSION_VALUE), false),
                new Row("value is case-sensitive", attributes("type", TYPE.toUpperCase(), "source", ""), false),
                new Row("name is case-sensitive", attributes("Type", TYPE, "source", ""), false),
                new Row("any time, without time in the event", attributes("time", "", "type", TYPE), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void attributes(Row row) {
        assertThat(passes(row.filter(), row.event())).isEqualTo(row.want());
    }

    /** Knative's TestAllSupportedAttributeFieldsV1, with a time set (Kumo treats an unset time as missing). */
    @Test
    void everySupportedContextAttributeMatchesItsStringForm() {
        var event = event(b -> b.withDataSchema(URI.create("wow")).withSubject("cool")
                .withDataContentType("cheers;mate").withTime(OffsetDateTime.parse("2024-05-06T07:08:09.5Z")));
        Map<String, String> all = new LinkedHashMap<>();
        all.put("specversion", "1.0");
        all.put("type", TYPE);
        all.put("source", SOURCE);
        all.put("subject", "cool");
        all.put("id", "1234");
        all.put("time", "2024-05-06T07:08:09.5Z");
        all.put("dataschema", "wow");
        all.put("schemaurl", "wow");
        all.put("datacontenttype", "cheers;mate");
        all.put("datamediatype", "cheers");

        assertThat(passes(FilterSpec.attributes(all), event)).isTrue();
    }

    @Test
    void noAttributesPassEveryEvent() {
        assertThat(passes(FilterSpec.attributes(Map.of()), event())).isTrue();
    }

    private static FilterSpec attributes(String name1, String value1, String name2, String value2) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(name1, value1);
        attributes.put(name2, value2);
        return FilterSpec.attributes(attributes);
    }
}

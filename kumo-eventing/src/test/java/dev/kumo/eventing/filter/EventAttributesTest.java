package dev.kumo.eventing.filter;

import static dev.kumo.eventing.filter.TestEvents.event;
import static org.assertj.core.api.Assertions.assertThat;

import io.cloudevents.CloudEvent;
import java.net.URI;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The string forms filters compare against. */
class EventAttributesTest {

    @ParameterizedTest
    @CsvSource({
        "2018-04-26T14:48:09+02:00,      2018-04-26T14:48:09+02:00",
        "2018-04-26T14:48:00+02:00,      2018-04-26T14:48:00+02:00",
        "2018-04-26T14:48:00+00:00,      2018-04-26T14:48:00Z",
        "2018-04-26T14:48:00.120Z,       2018-04-26T14:48:00.12Z",
        "2018-04-26T14:48:00.000000001Z, 2018-04-26T14:48:00.000000001Z"})
    void timeIsRfc3339WithItsOwnOffsetAndAlwaysWithSeconds(String time, String want) {
        CloudEvent event = event(b -> b.withTime(OffsetDateTime.parse(time)));

        assertThat(EventAttributes.stringValue(event, "time")).isEqualTo(want);
    }

    @Test
    void contextAttributes() {
        CloudEvent event = event(b -> b.withDataContentType("Application/JSON; charset=utf-8")
                .withDataSchema(URI.create("http://schema/x")).withSubject("s"));

        assertThat(EventAttributes.stringValue(event, "specversion")).isEqualTo("1.0");
        assertThat(EventAttributes.stringValue(event, "id")).isEqualTo("1234");
        assertThat(EventAttributes.stringValue(event, "source")).isEqualTo(TestEvents.SOURCE);
        assertThat(EventAttributes.stringValue(event, "subject")).isEqualTo("s");
        assertThat(EventAttributes.stringValue(event, "datacontenttype")).isEqualTo("Application/JSON; charset=utf-8");
        assertThat(EventAttributes.stringValue(event, "datamediatype")).isEqualTo("application/json");
        assertThat(EventAttributes.stringValue(event, "dataschema")).isEqualTo("http://schema/x");
        assertThat(EventAttributes.stringValue(event, "schemaurl")).isEqualTo("http://schema/x");
    }

    @Test
    void unsetAttributesAndExtensionsAreAbsent() {
        CloudEvent event = event();

        for (String name : new String[] {"subject", "time", "dataschema", "datacontenttype", "datamediatype", "x"}) {
            assertThat(EventAttributes.stringValue(event, name)).as(name).isNull();
        }
    }

    @Test
    void extensionsInTheirCanonicalStringEncoding() {
        CloudEvent event = event(b -> b.withExtension("number", 42).withExtension("flag", true)
                .withExtension("link", URI.create("http://a/b")).withExtension("bytes", new byte[] {1, 2, 3})
                .withExtension("when", OffsetDateTime.parse("2020-01-02T03:04:00Z")).withExtension("text", "t"));

        assertThat(EventAttributes.stringValue(event, "number")).isEqualTo("42");
        assertThat(EventAttributes.stringValue(event, "flag")).isEqualTo("true");
        assertThat(EventAttributes.stringValue(event, "link")).isEqualTo("http://a/b");
        assertThat(EventAttributes.stringValue(event, "bytes")).isEqualTo("AQID");
        assertThat(EventAttributes.stringValue(event, "when")).isEqualTo("2020-01-02T03:04:00Z");
        assertThat(EventAttributes.stringValue(event, "text")).isEqualTo("t");
    }
}

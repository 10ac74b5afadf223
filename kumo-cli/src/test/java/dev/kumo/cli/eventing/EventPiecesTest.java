package dev.kumo.cli.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.cli.client.PlainHttp;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** kumo event send's pure pieces: the --to grammar, the event built from flags, its HTTP encoding, the answer. */
class EventPiecesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:05:00Z");

    @Test
    void toNamesBrokersServicesAndUrlsAsKnsEventPluginDoes() {
        assertThat(EventTarget.parse("broker:default")).isEqualTo(new EventTarget.Broker("default",
                Optional.empty()));
        assertThat(EventTarget.parse("broker:default:team")).isEqualTo(new EventTarget.Broker("default",
                Optional.of("team")));
        assertThat(EventTarget.parse("ksvc:hello")).isEqualTo(new EventTarget.Service("hello", Optional.empty()));
        assertThat(EventTarget.parse("ksvc:hello:team")).isEqualTo(new EventTarget.Service("hello",
                Optional.of("team")));
        assertThat(EventTarget.parse("hello")).isEqualTo(new EventTarget.Service("hello", Optional.empty()));
        assertThat(EventTarget.parse("http://127.0.0.1:8080/x")).isEqualTo(new EventTarget.Url(
                URI.create("http://127.0.0.1:8080/x")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "broker:|invalid --to 'broker:': want broker:NAME[:NAMESPACE], ksvc:NAME[:NAMESPACE] or an http(s):// URL",
        "svc:hello|invalid --to 'svc:hello': want broker:NAME[:NAMESPACE]",
        "Hello|invalid --to 'Hello': want broker:NAME",
        "channel:c|invalid --to 'channel:c': Kumo has no Channels yet",
        "http://|invalid --to 'http://': not a URL with a host, e.g. http://127.0.0.1:8080/",
    })
    void aBadToSaysWhatItWants(String value, String message) {
        assertThatThrownBy(() -> EventTarget.parse(value)).isInstanceOf(BadFlag.class).hasMessageStartingWith(message);
    }

    @Test
    void flagsBecomeAVersionOneEventStampedWithTheTime() {
        CloudEvent event = flags("/cli", List.of("partitionkey=42", "traceparent=00-ab"), "{\"a\":1}", null)
                .toEvent(NOW);

        assertThat(event.getSpecVersion().toString()).isEqualTo("1.0");
        assertThat(event.getId()).isEqualTo("e-1");
        assertThat(event.getSource()).isEqualTo(URI.create("/cli"));
        assertThat(event.getType()).isEqualTo("com.example.ordered");
        assertThat(event.getSubject()).isEqualTo("orders/42");
        assertThat(event.getTime().toInstant()).isEqualTo(NOW);
        assertThat(event.getDataContentType()).isEqualTo("application/json");
        assertThat(event.getData().toBytes()).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
        assertThat(event.getExtension("partitionkey")).isEqualTo("42");
        assertThat(EventText.attributes(event)).containsExactly("  specversion: 1.0", "  id: e-1",
                "  source: /cli", "  type: com.example.ordered", "  subject: orders/42",
                "  time: 2025-01-01T00:05:00Z", "  datacontenttype: application/json", "  partitionkey: 42",
                "  traceparent: 00-ab");
    }

    @Test
    void anEventWithoutDataHasNoContentTypeAndOtherDataIsTakenAsTold() {
        assertThat(flags("/cli", List.of(), null, null).toEvent(NOW).getDataContentType()).isNull();
        CloudEvent text = flags("/cli", List.of(), "not json", "text/plain").toEvent(NOW);
        assertThat(text.getDataContentType()).isEqualTo("text/plain");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a b|       |        |invalid --source 'a b': not a URI reference",
        "/cli|      |{oops   |invalid --data '{oops': not JSON",
        "/cli|Foo=1 |        |invalid --extension 'Foo=1': want NAME=VALUE with a name of lower-case letters",
        "/cli|x     |        |invalid --extension 'x': want NAME=VALUE",
        "/cli|id=7  |        |invalid --extension 'id=7': 'id' is a CloudEvents attribute, not an extension; use --id",
        "/cli|time=1|        |invalid --extension 'time=1': 'time' is a CloudEvents attribute, not an extension",
    })
    void aBadFlagIsNamedWithItsValueAndTheFix(String source, String extension, String data, String message) {
        EventFlags flags = flags(source, extension == null ? List.of() : List.of(extension), data, null);

        assertThatThrownBy(() -> flags.toEvent(NOW)).isInstanceOf(BadFlag.class).hasMessageStartingWith(message);
    }

    @Test
    void binaryModePutsAttributesInPercentEncodedCeHeadersAndTheDataInTheBody() {
        CloudEvent event = CloudEventBuilder.v1(flags("/cli", List.of("note=naïve 100%"), "{\"a\":1}", null)
                .toEvent(NOW)).build();

        EncodedEvent encoded = EncodedEvent.binary(event);

        assertThat(encoded.headers()).contains("ce-specversion: 1.0", "ce-id: e-1", "ce-source: /cli",
                "ce-type: com.example.ordered", "ce-subject: orders/42", "ce-time: 2025-01-01T00:05:00Z",
                "Content-Type: application/json", "ce-note: na%C3%AFve%20100%25");
        assertThat(encoded.body()).asString(StandardCharsets.UTF_8).isEqualTo("{\"a\":1}");
    }

    @Test
    void structuredModeSendsTheJsonFormat() {
        CloudEvent event = flags("/cli", List.of(), "{\"a\":1}", null).toEvent(NOW);

        EncodedEvent encoded = EncodedEvent.structured(event);

        assertThat(encoded.headers()).containsExactly("Content-Type: application/cloudevents+json");
        CloudEvent decoded = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE)
                .deserialize(encoded.body());
        assertThat(EventText.attributes(decoded)).isEqualTo(EventText.attributes(event));
        assertThat(decoded.getData().toBytes()).isEqualTo(event.getData().toBytes());
        assertThat(new String(encoded.body(), StandardCharsets.UTF_8)).contains("\"data\":{\"a\":1}");
    }

    @Test
    void theAnswerShowsTheStatusThenAReplyEventOrTheBody() {
        assertThat(EventText.answer(response(202, "Accepted", Map.of(), ""))).isEqualTo("202 Accepted\n");
        assertThat(EventText.answer(response(400, "Bad Request", Map.of("content-type", "text/plain"),
                "missing ce-id"))).isEqualTo("400 Bad Request\nmissing ce-id\n");
        assertThat(EventText.answer(response(200, "OK", Map.of("ce-specversion", "1.0", "ce-id", "r-1",
                "ce-source", "/reply", "ce-type", "com.example.reply", "content-type", "application/json"),
                "{\"ok\":true}"))).isEqualTo("""
                200 OK
                Reply event:
                  specversion: 1.0
                  id: r-1
                  source: /reply
                  type: com.example.reply
                  datacontenttype: application/json
                Data:
                {"ok":true}
                """);
        assertThat(EventText.answer(response(200, "OK", Map.of("content-type", "application/cloudevents+json"),
                "{\"specversion\":\"1.0\",\"id\":\"r-2\",\"source\":\"/reply\",\"type\":\"t\"}")))
                .isEqualTo("200 OK\nReply event:\n  specversion: 1.0\n  id: r-2\n  source: /reply\n  type: t\n");
        assertThat(EventText.answer(response(200, "OK", Map.of("ce-specversion", "1.0"), "half")))
                .startsWith("200 OK\n(the response looks like a CloudEvent but is not a valid one: ")
                .endsWith("half\n");
    }

    private static EventFlags flags(String source, List<String> extensions, String data, String contentType) {
        return new EventFlags("com.example.ordered", source, "e-1", Optional.of("orders/42"), extensions,
                Optional.ofNullable(data).map(d -> d.getBytes(StandardCharsets.UTF_8)),
                Optional.ofNullable(contentType));
    }

    private static PlainHttp.Response response(int code, String reason, Map<String, String> headers, String body) {
        Map<String, List<String>> multi = new java.util.LinkedHashMap<>();
        headers.forEach((name, value) -> multi.put(name, List.of(value)));
        return new PlainHttp.Response(code, reason, multi, body.getBytes(StandardCharsets.UTF_8));
    }
}

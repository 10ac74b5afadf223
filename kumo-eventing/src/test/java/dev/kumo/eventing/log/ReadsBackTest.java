package dev.kumo.eventing.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kumo.eventing.ingress.Admission;
import dev.kumo.eventing.ingress.EventParser;
import dev.kumo.eventing.ingress.Parsed;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An event kept as it is in {@link Encoded} is exactly what decoding its stored form would have given, and that stored
 * form ({@link StoredJson}) reads back as the SDK's own JSON format did.
 */
class ReadsBackTest {

    /** How the log wrote every event before {@link StoredJson}. */
    private static final JsonFormat SDK = new JsonFormat().withForceJsonDataToBase64();

    static Stream<CloudEvent> parsedFromRequests() {
        return Stream.of(
                parsed(binary().add("Content-Type", "application/json"), "{\"n\":1}"),
                parsed(binary().add("ce-subject", "Euro € and \"quotes\"").add("ce-time", "2026-12-07T04:00:00.123+02:00")
                        .add("ce-dataschema", "https://example.com/s?x=1").add("ce-myext", "%41 stays")
                        .add("ce-traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"), ""),
                parsed(binary().add("ce-time", "2026-12-07T04:00:00Z"), "plain text with\nnewline"),
                parsed(MultiMap.caseInsensitiveMultiMap().add("Content-Type", "application/cloudevents+json"),
                        "{\"specversion\":\"1.0\",\"id\":\"s1\",\"source\":\"/s\",\"type\":\"t\",\"flag\":true,"
                                + "\"count\":7,\"data_base64\":\"AQID\"}"),
                admitted(parsed(binary().add("Content-Type", "application/json"), "{\"n\":2}")),
                admitted(parsed(binary().add("ce-knativebrokerttl", "12"), "x")));
    }

    @ParameterizedTest
    @MethodSource("parsedFromRequests")
    void whatTheSdkParsedIsKeptAndEqualsItsDecodedStoredForm(CloudEvent event) {
        assertThat(ReadsBack.exactly(event)).isTrue();
        Encoded encoded = Encoded.of(event);
        CloudEvent decoded = EventCodec.decode(encoded.bytes());
        assertThat(encoded.event()).isSameAs(event).isEqualTo(decoded);
        for (String name : decoded.getExtensionNames()) {
            assertThat(encoded.event().getExtension(name)).as(name).isEqualTo(decoded.getExtension(name))
                    .hasSameClassAs(decoded.getExtension(name));
        }
        assertThat(encoded.event().getTime()).isEqualTo(decoded.getTime());
        assertThat(decoded).isEqualTo(SDK.deserialize(SDK.serialize(event)));
        assertThat(EventCodec.encode(event)).isEqualTo(encoded.bytes());
        assertThat(new String(encoded.bytes(), StandardCharsets.UTF_8))
                .isEqualTo(new String(SDK.serialize(event), StandardCharsets.UTF_8));
    }

    @Test
    void anythingElseIsDecoded() {
        CloudEvent typed = CloudEventBuilder.v1().withId("1").withSource(URI.create("/s")).withType("t")
                .withExtension("at", OffsetDateTime.parse("2026-12-07T04:00:00Z"))
                .withExtension("link", URI.create("https://example.com")).build();
        assertThat(ReadsBack.exactly(typed)).isFalse();
        Encoded encoded = Encoded.of(typed);
        assertThat(encoded.event()).isNotSameAs(typed).isEqualTo(EventCodec.decode(encoded.bytes()));
        assertThat(encoded.event().getExtension("link")).isEqualTo("https://example.com");
        CloudEvent longValued = CloudEventBuilder.v1(typed).withoutExtension("at").withoutExtension("link")
                .withExtension("big", 1L << 40).build();
        assertThat(ReadsBack.exactly(longValued)).isFalse();
    }

    @Test
    void anExtensionShadowingTheDataIsStillCheckedByDecoding() {
        CloudEvent shadowing = parsed(binary().add("ce-data", "header"), "body");
        assertThat(ReadsBack.exactly(shadowing)).isFalse();
        assertThatThrownBy(() -> Encoded.of(shadowing)).isInstanceOf(RuntimeException.class);
    }

    private static MultiMap binary() {
        return MultiMap.caseInsensitiveMultiMap().add("ce-specversion", "1.0").add("ce-id", "e-1")
                .add("ce-source", "/my/app").add("ce-type", "com.example.created");
    }

    private static CloudEvent parsed(MultiMap headers, String body) {
        Parsed parsed = EventParser.parse(headers, Buffer.buffer(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(parsed).isInstanceOf(Parsed.Event.class);
        return ((Parsed.Event) parsed).event();
    }

    private static CloudEvent admitted(CloudEvent event) {
        return ((Parsed.Event) Admission.admit(event, Instant.parse("2026-12-07T04:00:00Z"))).event();
    }
}

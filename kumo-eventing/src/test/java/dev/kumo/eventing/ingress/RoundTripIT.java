package dev.kumo.eventing.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.api.MeshConfig;
import io.cloudevents.CloudEvent;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Round trips over real sockets — producer → ingress → durable log → Trigger → a real HTTP subscriber — with an
 * extension of every CloudEvents attribute type (Boolean, Integer, String, Binary, URI, URI-reference, Timestamp) and
 * every optional context attribute, sent in binary and in structured mode. Delivery is always binary mode, as
 * Knative's brokers deliver: every extension reaches the subscriber as its canonical string (spec "Type System"),
 * written on the wire as Go's sdk-go (Knative's dispatcher) writes it: its UTF-8 bytes, not percent-encoded (issue #10
 * changed this from percent-encoding, which the npm and Go SDKs do not decode).
 */
class RoundTripIT {

    private static final String PATH = OneTriggerMesh.PATH;
    private static final String TEXT = "héllo wörld \"q\" 100% €";
    private static final String TEXT_ENCODED = "h%C3%A9llo%20w%C3%B6rld%20%22q%22%20100%25%20%E2%82%AC";
    private static final String BYTES_BASE64 = "AAEC/w==";
    private static final byte[] BYTES = {0, 1, 2, (byte) 0xFF};
    private static final String TIME = "2025-03-04T05:06:07.123Z";
    private static final String SCHEMA = "https://example.com/schemas/order.json";

    /** The extension of each type, by name, as its canonical string. */
    private static final Map<String, String> EXTENSIONS = Map.of(
            "boolext", "true",
            "intext", "-2147483648",
            "strext", TEXT,
            "binext", BYTES_BASE64,
            "uriext", "https://example.com/a/b?c=d#e",
            "urirefext", "../relative/path?x=1",
            "timeext", "2024-02-29T23:59:59.999999+05:30");

    @TempDir
    Path dir;

    private OneTriggerMesh fixture;

    @BeforeEach
    void startTheMesh() throws Exception {
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")));
    }

    @AfterEach
    void closeTheMesh() throws Exception {
        fixture.close();
    }

    @Test
    void binaryModeKeepsEveryAttributeAndEveryExtensionType() {
        Map<String, String> headers = new HashMap<>(Map.of("ce-specversion", "1.0", "ce-id", "rt-binary",
                "ce-source", "https://example.com/orders", "ce-type", "com.example.order.created",
                "ce-subject", TEXT_ENCODED, "ce-time", TIME, "ce-dataschema", SCHEMA,
                "Content-Type", "application/json; charset=utf-8"));
        EXTENSIONS.forEach((name, value) -> headers.put("ce-" + name, name.equals("strext") ? TEXT_ENCODED : value));

        HttpResponse<String> response = fixture.ingress().post(PATH, headers, "{\"order\":42,\"note\":\"café\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        RecordingSubscriber.Received got = awaitOne();
        assertAttributes(got.event(), "rt-binary", "application/json; charset=utf-8");
        assertThat(new String(got.event().getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"order\":42,\"note\":\"café\"}");
        assertExtensions(got);
    }

    @Test
    void structuredModeWithNativeTypesAndDataBase64ArrivesByteExact() {
        String json = """
                {"specversion":"1.0","id":"rt-structured","source":"https://example.com/orders",
                 "type":"com.example.order.created","subject":"%s","time":"%s","dataschema":"%s",
                 "datacontenttype":"application/octet-stream","data_base64":"%s",
                 "boolext":true,"intext":-2147483648,"strext":"%s","binext":"%s","uriext":"%s","urirefext":"%s",
                 "timeext":"%s"}""".formatted(jsonString(TEXT), TIME, SCHEMA, BYTES_BASE64, jsonString(TEXT),
                BYTES_BASE64, EXTENSIONS.get("uriext"), EXTENSIONS.get("urirefext"), EXTENSIONS.get("timeext"));

        HttpResponse<String> response = fixture.ingress().post(PATH, Map.of("Content-Type",
                "application/cloudevents+json; charset=utf-8"), json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        RecordingSubscriber.Received got = awaitOne();
        assertAttributes(got.event(), "rt-structured", "application/octet-stream");
        assertThat(got.event().getData().toBytes()).containsExactly(BYTES);
        assertExtensions(got);
    }

    @Test
    void structuredModeWithTextDataDeliversTheTextAsTheBody() {
        String json = """
                {"specversion":"1.0","id":"rt-text","source":"/s","type":"t","datacontenttype":"text/plain",
                 "data":"%s"}""".formatted(jsonString(TEXT));

        HttpResponse<String> response = fixture.ingress().post(PATH, Map.of("Content-Type",
                "application/cloudevents+json; charset=utf-8"), json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        RecordingSubscriber.Received got = awaitOne();
        assertThat(got.event().getDataContentType()).isEqualTo("text/plain");
        assertThat(new String(got.event().getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo(TEXT);
    }

    private static void assertAttributes(CloudEvent got, String id, String dataContentType) {
        assertThat(got.getId()).isEqualTo(id);
        assertThat(got.getSource()).isEqualTo(URI.create("https://example.com/orders"));
        assertThat(got.getType()).isEqualTo("com.example.order.created");
        assertThat(got.getSubject()).isEqualTo(TEXT);
        assertThat(got.getTime()).isEqualTo(OffsetDateTime.parse(TIME));
        assertThat(got.getDataSchema()).isEqualTo(URI.create(SCHEMA));
        assertThat(got.getDataContentType()).isEqualTo(dataContentType);
    }

    /** Each extension as its canonical string, and on the wire its UTF-8 bytes as they are. */
    private static void assertExtensions(RecordingSubscriber.Received got) {
        EXTENSIONS.forEach((name, value) -> assertThat(got.event().getExtension(name)).as(name).hasToString(value));
        String wire = new String(TEXT.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertThat(got.headers().get("ce-strext")).isEqualTo(wire);
        assertThat(got.headers().get("ce-subject")).isEqualTo(wire);
        assertThat(got.headers().get("ce-time")).isEqualTo(TIME);
    }

    private static String jsonString(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private RecordingSubscriber.Received awaitOne() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.subscriber().received().isEmpty());
        return fixture.subscriber().received().getFirst();
    }
}

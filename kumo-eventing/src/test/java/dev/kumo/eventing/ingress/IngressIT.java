package dev.kumo.eventing.ingress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.eventing.EventMesh;
import dev.kumo.eventing.Ingress;
import dev.kumo.eventing.OneTriggerMesh;
import dev.kumo.eventing.RecordingSubscriber;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.MeshConfig;
import dev.kumo.eventing.delivery.KnativeExtensions;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ingress over real sockets: both content modes end to end, and every refusal with its status and reason. */
class IngressIT {

    private static final BrokerRef BROKER = OneTriggerMesh.BROKER;
    private static final String PATH = OneTriggerMesh.PATH;

    @TempDir
    Path dir;

    private OneTriggerMesh fixture;
    private EventMesh mesh;
    private RecordingSubscriber subscriber;
    private Ingress ingress;

    @BeforeEach
    void start() throws Exception {
        fixture = OneTriggerMesh.start(MeshConfig.defaults(dir.resolve("events.db")).withMaxEventBytes(64 * 1024));
        mesh = fixture.mesh();
        subscriber = fixture.subscriber();
        ingress = fixture.ingress();
    }

    @AfterEach
    void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aBinaryEventArrivesWithEveryAttributeAndExtension() {
        Map<String, String> headers = new HashMap<>(Map.of("ce-specversion", "1.0", "ce-id", "b-1",
                "ce-source", "https://example.com/orders", "ce-type", "com.example.order.created",
                "ce-subject", "order-42", "ce-time", "2025-03-04T05:06:07.123Z",
                "ce-dataschema", "https://example.com/schema.json", "Content-Type", "text/plain; charset=utf-8"));
        headers.put("ce-myext", "hello%20world");
        headers.put("ce-count", "42");
        headers.put("ce-flag", "true");

        HttpResponse<String> response = ingress.post(PATH, headers, "plain text data");

        assertThat(response.statusCode()).isEqualTo(202);
        CloudEvent got = awaitOne();
        assertThat(got.getId()).isEqualTo("b-1");
        assertThat(got.getSource()).isEqualTo(URI.create("https://example.com/orders"));
        assertThat(got.getType()).isEqualTo("com.example.order.created");
        assertThat(got.getSubject()).isEqualTo("order-42");
        assertThat(got.getTime()).isEqualTo(OffsetDateTime.parse("2025-03-04T05:06:07.123Z"));
        assertThat(got.getDataSchema()).isEqualTo(URI.create("https://example.com/schema.json"));
        assertThat(got.getDataContentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(got.getData().toBytes(), StandardCharsets.UTF_8)).isEqualTo("plain text data");
        assertThat(got.getExtension("myext")).isEqualTo("hello world");
        assertThat(got.getExtension("count")).isEqualTo("42");
        assertThat(got.getExtension("flag")).isEqualTo("true");
        assertThat(got.getExtension(KnativeExtensions.ARRIVAL_TIME)).isNotNull();
        assertThat(got.getExtension(KnativeExtensions.BROKER_TTL)).as("subscribers never see the TTL").isNull();
        assertThat(subscriber.received().getFirst().headers().get("Prefer")).isEqualTo("reply");
    }

    @Test
    void aStructuredEventArrivesInBinaryModeWithItsJsonDataAndTypedExtensions() {
        String json = """
                {"specversion":"1.0","id":"s-1","source":"/structured","type":"t.structured",
                 "datacontenttype":"application/json","data":{"answer":42,"list":[1,2]},
                 "count":7,"flag":false,"label":"x"}""";

        HttpResponse<String> response = ingress.post(PATH, Map.of("Content-Type",
                "application/cloudevents+json; charset=utf-8"), json);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        CloudEvent got = awaitOne();
        assertThat(got.getId()).isEqualTo("s-1");
        assertThat(got.getDataContentType()).isEqualTo("application/json");
        assertThat(new String(got.getData().toBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"answer\":42,\"list\":[1,2]}");
        assertThat(got.getExtension("count")).isEqualTo("7");
        assertThat(got.getExtension("flag")).isEqualTo("false");
        assertThat(got.getExtension("label")).isEqualTo("x");
    }

    /**
     * Issue #10 changed these from 400 to accepted: the npm and Go SDKs do not percent-encode, and the JS emitter
     * ignores the status, so refusing a literal '%' lost events. The value is kept as sent and counted.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad escape          | subject | a%zzb
            truncated escape    | subject | a%4
            percent in the id   | id      | 1%
            overlong UTF-8      | subject | %C0%A0
            a percent sign      | subject | 100% sure
            """)
    void aPercentThatStartsNoValidEscapeIsKeptAsSentAndCounted(String name, String attribute, String value) {
        Map<String, String> headers = new HashMap<>(Map.of("ce-specversion", "1.0", "ce-id", "1", "ce-source", "/s",
                "ce-type", "t", "Content-Type", "application/json"));
        headers.put("ce-" + attribute, value);

        HttpResponse<String> response = ingress.post(PATH, headers, "{}");

        assertThat(response.statusCode()).isEqualTo(202);
        CloudEvent got = awaitOne();
        assertThat(attribute.equals("id") ? got.getId() : got.getSubject()).isEqualTo(value);
        assertThat(mesh.counters().literalPercent()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing id          | ce-specversion=1.0;ce-source=/s;ce-type=t                | 'id'
            missing source      | ce-specversion=1.0;ce-id=1;ce-type=t                     | 'source'
            missing type        | ce-specversion=1.0;ce-id=1;ce-source=/s                  | 'type'
            empty id            | ce-specversion=1.0;ce-id=;ce-source=/s;ce-type=t         | 'id'
            missing specversion | ce-id=1;ce-source=/s;ce-type=t                           | not a CloudEvent
            unknown specversion | ce-specversion=9.9;ce-id=1;ce-source=/s;ce-type=t        | 9.9
            TTL run out         | ce-specversion=1.0;ce-id=1;ce-source=/s;ce-type=t;ce-knativebrokerttl=0 | knativebrokerttl is 0
            TTL not a number    | ce-specversion=1.0;ce-id=1;ce-source=/s;ce-type=t;ce-knativebrokerttl=x | want an integer
            specversion 0.9     | ce-specversion=0.9;ce-id=1;ce-source=/s;ce-type=t        | specversion is '0.9', which this broker does not know: send specversion 1.0
            time not RFC 3339   | ce-specversion=1.0;ce-id=1;ce-source=/s;ce-type=t;ce-time=yesterday | 'time' is 'yesterday', which is not an RFC 3339 timestamp
            time without offset | ce-specversion=1.0;ce-id=1;ce-source=/s;ce-type=t;ce-time=2025-03-04T05:06:07 | 'time' is '2025-03-04T05:06:07', which is not an RFC 3339 timestamp with an offset
            dataschema not URI  | ce-specversion=1.0;ce-id=1;ce-source=/s;ce-type=t;ce-dataschema=a b c | 'dataschema' is 'a b c', which is not an absolute URI
            """)
    void invalidBinaryEventsAre400WithTheReason(String name, String headerList, String reason) {
        Map<String, String> headers = new HashMap<>(Map.of("Content-Type", "application/json"));
        for (String header : headerList.split(";")) {
            String[] pair = header.split("=", 2);
            headers.put(pair[0], pair[1]);
        }

        HttpResponse<String> response = ingress.post(PATH, headers, "{}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(reason).doesNotContain("Exception");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad JSON          | application/cloudevents+json       | {"specversion":"1.0",          | not a valid CloudEvent
            missing id        | application/cloudevents+json       | {"specversion":"1.0","source":"/s","type":"t"} | id
            data and base64   | application/cloudevents+json       | {"specversion":"1.0","id":"1","source":"/s","type":"t","data":1,"data_base64":"AA=="} | not a valid CloudEvent
            not an object     | application/cloudevents+json       | [1,2]                          | not a valid CloudEvent
            specversion 0.9   | application/cloudevents+json       | {"specversion":"0.9","id":"1","source":"/s","type":"t"} | specversion is '0.9'
            time not RFC 3339 | application/cloudevents+json       | {"specversion":"1.0","id":"1","source":"/s","type":"t","time":"noon"} | 'time' is 'noon', which is not an RFC 3339 timestamp
            bad data_base64   | application/cloudevents+json       | {"specversion":"1.0","id":"1","source":"/s","type":"t","data_base64":"@@@"} | data_base64 is not valid base64
            batch             | application/cloudevents-batch+json | [{"specversion":"1.0","id":"1","source":"/s","type":"t"}] | batch mode
            """)
    void invalidStructuredEventsAre400WithTheReason(String name, String contentType, String body, String reason) {
        HttpResponse<String> response = ingress.post(PATH, Map.of("Content-Type", contentType), body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(reason).doesNotContain("Exception");
    }

    @Test
    void otherMethodsAre405WithAllow() {
        HttpResponse<String> response = ingress.send(PATH, "GET", Map.of(), null);

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).contains("POST, OPTIONS");
    }

    @Test
    void optionsAnswersTheWebhookValidation() {
        HttpResponse<String> response = ingress.send(PATH, "OPTIONS",
                Map.of("WebHook-Request-Origin", "eventemitter.example.com"), null);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Allow")).contains("POST, OPTIONS");
        assertThat(response.headers().firstValue("WebHook-Allowed-Origin")).contains("eventemitter.example.com");
        assertThat(response.headers().firstValue("WebHook-Allowed-Rate")).contains("*");
    }

    @Test
    void unknownBrokersAndOtherPathsAre404() {
        assertThat(ingress.postBinary("/default/nope", "1", "t").statusCode()).isEqualTo(404);
        assertThat(ingress.postBinary("/default/nope", "1", "t").body()).contains("broker default/nope");
        assertThat(ingress.postBinary("/default", "1", "t").statusCode()).isEqualTo(404);
        assertThat(ingress.postBinary("/default/b/extra", "1", "t").statusCode()).isEqualTo(404);
        mesh.removeBroker(BROKER);
        assertThat(ingress.postBinary(PATH, "1", "t").statusCode()).isEqualTo(404);
    }

    @Test
    void eventsOverTheSizeLimitAre413() {
        String big = "x".repeat(64 * 1024 + 1);

        HttpResponse<String> response = ingress.post(PATH, Map.of("ce-specversion", "1.0", "ce-id", "big",
                "ce-source", "/s", "ce-type", "t", "Content-Type", "text/plain"), big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("max-event-bytes");
        assertThat(mesh.counters().accepted()).isZero();
    }

    @Test
    void aChunkedBodyOverTheSizeLimitIs413() {
        byte[] big = "x".repeat(64 * 1024 + 1).getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = ingress.postChunked(PATH, Map.of("ce-specversion", "1.0", "ce-id", "big",
                "ce-source", "/s", "ce-type", "t", "Content-Type", "text/plain"), big);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("max-event-bytes");
        assertThat(mesh.counters().accepted()).isZero();
        assertThat(ingress.postChunked(PATH, Map.of("ce-specversion", "1.0", "ce-id", "small", "ce-source", "/s",
                "ce-type", "t", "Content-Type", "text/plain"), "ok".getBytes(StandardCharsets.UTF_8)).statusCode())
                .as("a chunked body within the limit is accepted").isEqualTo(202);
    }

    @Test
    void theBrokerAddressIsTheIngressPath() {
        assertThat(mesh.brokerAddress(BROKER)).contains(URI.create("http://127.0.0.1:" + mesh.port() + PATH));
        assertThat(mesh.brokerAddress(new BrokerRef("default", "nope"))).isEmpty();
    }

    private CloudEvent awaitOne() {
        await().atMost(Duration.ofSeconds(10)).until(() -> !subscriber.received().isEmpty());
        return subscriber.received().getFirst().event();
    }
}

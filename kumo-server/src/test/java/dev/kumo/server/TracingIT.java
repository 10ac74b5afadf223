package dev.kumo.server;

import static dev.kumo.server.EventingIT.EVENTING;
import static dev.kumo.server.EventingIT.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kumo.api.codec.Json;
import dev.kumo.server.tracing.OtlpReceiver;
import dev.kumo.server.tracing.OtlpReceiver.ReceivedSpan;
import dev.kumo.server.tracing.TracingConfig;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing end to end (issue #17) in a real server exporting to a real OTLP/HTTP receiver: one trace follows a
 * CloudEvent through a Broker, a Trigger, the router and a process Service whose reply re-enters the Broker and
 * reaches a second Trigger's subscriber; the workload receives the router's proxy span as its parent; the recent
 * traces are read with {@code kumo trace list|get}.
 */
class TracingIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final SecureRandom random = new SecureRandom();

    @TempDir
    static Path temp;

    private static OtlpReceiver receiver;
    private static KumoServer server;
    private static TestApi api;
    private static EventsHub sink;
    private static String brokerAddress;

    @BeforeAll
    static void start() {
        receiver = OtlpReceiver.start();
        sink = EventsHub.recorder();
        server = KumoServer.start(TestServers.config(temp.resolve("data"))
                .withTracing(TracingConfig.DEFAULTS.withOtlpEndpoint(receiver.endpoint())));
        api = new TestApi(server);
        api.create(SERVICES, "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":"
                + "\"replier\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\",\"-u\"],"
                + "\"args\":[\"traced_replier.py\"],\"workingDir\":\"" + EventingIT.WORKLOADS + "\"}]}}}}");
        api.create(EVENTING + "brokers", EventingIT.broker("traced"));
        api.create(EVENTING + "triggers", EventingIT.trigger("orders", "traced", "{\"ref\":{\"apiVersion\":"
                + "\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"replier\"}}",
                "{\"type\":\"dev.kumo.order\"}"));
        api.create(EVENTING + "triggers", EventingIT.trigger("replies", "traced",
                "{\"uri\":\"" + sink.uri() + "\"}", "{\"type\":\"dev.kumo.reply\"}"));
        api.awaitCondition(SERVICES + "/replier", "Ready", "True");
        brokerAddress = api.awaitCondition(EVENTING + "brokers/traced", "Ready", "True").at("/status/address/url")
                .asText();
        api.awaitCondition(EVENTING + "triggers/orders", "Ready", "True");
        api.awaitCondition(EVENTING + "triggers/replies", "Ready", "True");
    }

    @AfterAll
    static void stop() {
        server.close();
        sink.close();
        receiver.close();
    }

    @Test
    void oneTraceFollowsAnEventThroughTheBrokerATriggerAServiceAndItsReplyBackIntoTheBroker() throws Exception {
        String traceId = hex(16);
        String clientSpan = hex(8);
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(brokerAddress))
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .header("ce-specversion", "1.0").header("ce-id", "order-1").header("ce-type", "dev.kumo.order")
                .header("ce-source", "/tracing-it").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("one order")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);

        await().atMost(SETTLE).until(() -> sink.received().stream().anyMatch(e -> e.id().equals("reply-order-1")));
        // The subscriber's answer is back before the spans around it end: wait until the last one is exported.
        await().atMost(SETTLE).untilAsserted(() -> {
            server.telemetry().flush();
            assertThat(spansOf(traceId))
                    .anyMatch(s -> s.name().equals("delivery") && attribute(s, "url.full").equals(sink.uri().toString()))
                    .filteredOn(s -> s.name().equals("trigger-filter")).hasSize(4);
        });
        List<ReceivedSpan> trace = spansOf(traceId);
        assertThat(receiver.contentTypes()).allMatch(type -> type.startsWith("application/x-protobuf"));
        // Every span about these two events, and the request to the Service, is in the one trace.
        assertThat(receiver.spans()).filteredOn(s -> List.of("order-1", "reply-order-1")
                .contains(attribute(s, "cloudevents.event_id"))).isNotEmpty()
                .allSatisfy(s -> assertThat(s.traceId()).isEqualTo(traceId));
        assertThat(trace).allSatisfy(s -> assertThat(s.service()).isEqualTo("kumo"));

        ReceivedSpan ingress = one(trace, named("broker-ingress", "order-1"));
        assertThat(ingress.parentSpanId()).as("the client's span is the ingress's parent").isEqualTo(clientSpan);
        assertThat(ingress.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(attribute(ingress, "messaging.destination.name")).isEqualTo("default/traced");
        assertThat(attribute(ingress, "http.response.status_code")).isEqualTo("202");

        ReceivedSpan orders = one(trace, trigger("default/orders", "order-1"));
        assertThat(orders.parentSpanId()).isEqualTo(ingress.spanId());
        assertThat(attribute(orders, "kumo.filter.matched")).isEqualTo("true");
        ReceivedSpan passedOver = one(trace, trigger("default/replies", "order-1"));
        assertThat(passedOver.parentSpanId()).isEqualTo(ingress.spanId());
        assertThat(attribute(passedOver, "kumo.filter.matched")).isEqualTo("false");

        ReceivedSpan delivery = one(trace, s -> s.name().equals("delivery") && s.parentSpanId()
                .equals(orders.spanId()));
        assertThat(delivery.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);
        assertThat(attribute(delivery, "kumo.delivery.attempt")).isEqualTo("1");
        ReceivedSpan routed = one(trace, s -> s.name().equals("POST /") && s.parentSpanId()
                .equals(delivery.spanId()));
        assertThat(routed.kind()).isEqualTo(SpanKind.SPAN_KIND_SERVER);
        assertThat(attribute(routed, "http.request.method")).isEqualTo("POST");
        assertThat(attribute(routed, "http.response.status_code")).isEqualTo("200");
        assertThat(attribute(routed, "kumo.revision")).isEqualTo("default/replier-00001");
        ReceivedSpan proxy = one(trace, s -> s.name().equals("proxy") && s.parentSpanId().equals(routed.spanId()));
        assertThat(proxy.kind()).isEqualTo(SpanKind.SPAN_KIND_CLIENT);

        ReceivedSpan reply = one(trace, named("broker-reply", "reply-order-1"));
        assertThat(reply.parentSpanId()).as("the reply is the delivery's").isEqualTo(delivery.spanId());
        ReceivedSpan replies = one(trace, trigger("default/replies", "reply-order-1"));
        assertThat(replies.parentSpanId()).isEqualTo(reply.spanId());
        ReceivedSpan toSink = one(trace, s -> s.name().equals("delivery") && s.parentSpanId()
                .equals(replies.spanId()));
        assertThat(attribute(toSink, "url.full")).isEqualTo(sink.uri().toString());
        ReceivedSpan replyPassedOver = one(trace, trigger("default/orders", "reply-order-1"));
        assertThat(replyPassedOver.parentSpanId()).isEqualTo(reply.spanId());
        assertThat(attribute(replyPassedOver, "kumo.filter.matched")).isEqualTo("false");

        // W3C context went with each hop: to the workload from the router's proxy span, to the sink from its delivery.
        assertThat(workloadTraceparents()).contains("00-" + traceId + "-" + proxy.spanId() + "-01");
        assertThat(sink.received()).filteredOn(e -> e.id().equals("reply-order-1")).singleElement()
                .satisfies(e -> assertThat(e.headers().get("Traceparent"))
                        .containsExactly("00-" + traceId + "-" + toSink.spanId() + "-01"));
    }

    @Test
    void aWorkloadReceivesTheRoutersProxySpanAsItsParent() throws Exception {
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.ingressPort() + "/direct")).header("Host", "replier.default.localhost")
                .header("ce-id", "direct-1").POST(HttpRequest.BodyPublishers.ofString("x")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);

        String traceparent = await().atMost(SETTLE).until(() -> received("direct-1"), Optional::isPresent).get();
        String[] fields = traceparent.split("-");
        assertThat(fields).hasSize(4);
        assertThat(Integer.parseInt(fields[3], 16) & 1).as("sampled").isEqualTo(1);
        List<SpanData> spans = await().atMost(SETTLE).until(() -> server.telemetry().recent().orElseThrow()
                .trace(fields[1]).orElse(List.of()), kept -> kept.size() == 2);
        SpanData request = spans.stream().filter(s -> s.getName().equals("POST /direct")).findFirst().orElseThrow();
        SpanData proxy = spans.stream().filter(s -> s.getName().equals("proxy")).findFirst().orElseThrow();
        assertThat(fields[2]).as("the workload's parent is the router's proxy span").isEqualTo(proxy.getSpanId());
        assertThat(proxy.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(request.getParentSpanContext().isValid()).as("a new trace: the client sent none").isFalse();
        assertThat(request.getAttributes().asMap().toString()).contains("server.address=replier.default.localhost");
    }

    @Test
    void kumoTraceListAndGetShowTheRecentTracesFromMemory() throws Exception {
        String traceId = hex(16);
        HttpResponse<String> answered = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + server.ingressPort() + "/listed")).header("Host", "replier.default.localhost")
                .header("traceparent", "00-" + traceId + "-" + hex(8) + "-01")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answered.statusCode()).isEqualTo(200);
        await().atMost(SETTLE).until(() -> server.telemetry().recent().orElseThrow().trace(traceId)
                .map(List::size).orElse(0) == 2);
        InProcessCli cli = new InProcessCli(temp.resolve("home"), temp.resolve("data"));

        InProcessCli.Result list = cli.run("trace", "list");
        assertThat(list.exitCode()).as(list.err()).isZero();
        assertThat(list.out()).startsWith("TRACE ID").contains("ROOT", "DURATION", "SPANS", "START")
                .containsPattern("(?m)^" + traceId + " +POST /listed +\\d+\\.\\d{3} ms +2 +\\d{4}-\\d\\d-\\d\\dT");

        InProcessCli.Result got = cli.run("trace", "get", traceId);
        assertThat(got.exitCode()).as(got.err()).isZero();
        assertThat(got.out()).startsWith("Trace " + traceId + ": 2 spans, ")
                .containsPattern("(?m)^POST /listed +0\\.000 ms +\\d+\\.\\d{3} ms +\\|#")
                .containsPattern("(?m)^  proxy +\\d+\\.\\d{3} ms +\\d+\\.\\d{3} ms +\\| *#+ *\\|$");

        InProcessCli.Result json = cli.run("trace", "get", traceId, "-o", "json");
        JsonNode document = Json.parseObject(json.out());
        assertThat(document.path("kind").asText()).isEqualTo("Trace");
        assertThat(document.path("spans")).hasSize(2);

        InProcessCli.Result missing = cli.run("trace", "get", hex(16));
        assertThat(missing.exitCode()).isNotZero();
        assertThat(missing.err()).contains("is not kept");
    }

    @Test
    void aServiceCreatedWithATraceparentIsTracedThroughTheApiServerAndTheReconcilesItCauses() throws Exception {
        String traceId = hex(16);
        String clientSpan = hex(8);
        ApiAccess access = ApiAccess.of(server);
        HttpResponse<String> created = access.client().send(access.request(SERVICES)
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":"
                        + "\"Service\",\"metadata\":{\"name\":\"spanned\"},\"spec\":{\"template\":{\"spec\":"
                        + "{\"containers\":[{\"command\":[\"python3\",\"-u\"],\"args\":[\"traced_replier.py\"],"
                        + "\"workingDir\":\"" + EventingIT.WORKLOADS + "\"}]}}}}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        String route = "POST /apis/serving.knative.dev/v1/namespaces/{namespace}/services";
        await().atMost(SETTLE).until(() -> {
            HttpResponse<String> got = api.send("GET", "/debug/traces/" + traceId, null, null);
            return got.statusCode() == 200 && spans(Json.parseObject(got.body()), "reconcile Configuration")
                    .findAny().isPresent();
        });
        JsonNode document = Json.parseObject(api.send("GET", "/debug/traces/" + traceId, null, null).body());
        JsonNode request = spans(document, route).findFirst().orElseThrow();
        assertThat(request.path("parentSpanId").asText()).as("the client's span is the request's parent")
                .isEqualTo(clientSpan);
        assertThat(request.path("kind").asText()).isEqualTo("SERVER");
        assertThat(request.at("/attributes/http.response.status_code").asLong()).isEqualTo(201);
        assertThat(request.at("/attributes/k8s.resource").asText()).isEqualTo("services.serving.knative.dev");
        assertThat(request.at("/attributes/k8s.namespace.name").asText()).isEqualTo("default");
        JsonNode reconcile = spans(document, "reconcile Service")
                .filter(s -> s.path("parentSpanId").asText().equals(request.path("spanId").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no reconcile Service under the request: "
                        + document));
        assertThat(reconcile.at("/attributes/k8s.object.name").asText()).isEqualTo("spanned");
        assertThat(reconcile.at("/attributes/kumo.reconcile.result").asText()).isNotEmpty();
        // The Service's reconcile wrote its Configuration, whose reconcile is its child: one trace.
        assertThat(spans(document, "reconcile Configuration").map(s -> s.path("parentSpanId").asText()))
                .contains(reconcile.path("spanId").asText());
        // Reading the traces is not traced itself.
        assertThat(Json.parseObject(api.send("GET", "/debug/traces", null, null).body()).path("items"))
                .noneMatch(item -> item.path("rootSpan").asText().startsWith("GET /debug"));
    }

    @Test
    void aReadIsTracedOnlyUnderTheClientsSampledTraceparentSoPollingLeavesTheTracesAlone() throws Exception {
        String route = "GET /apis/eventing.knative.dev/v1/namespaces/{namespace}/triggers";
        for (int read = 0; read < 3; read++) {
            assertThat(api.send("GET", EVENTING + "triggers", null, null).statusCode()).isEqualTo(200);
        }
        String traceId = hex(16);
        String clientSpan = hex(8);
        ApiAccess access = ApiAccess.of(server);
        HttpResponse<String> read = access.client().send(access.request(EVENTING + "triggers")
                .header("traceparent", "00-" + traceId + "-" + clientSpan + "-01").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(read.statusCode()).isEqualTo(200);

        await().atMost(SETTLE).until(() -> api.send("GET", "/debug/traces/" + traceId, null, null).statusCode()
                == 200);
        JsonNode document = Json.parseObject(api.send("GET", "/debug/traces/" + traceId, null, null).body());
        assertThat(spans(document, route).findFirst().orElseThrow().path("parentSpanId").asText())
                .as("the client's span is the read's parent").isEqualTo(clientSpan);
        assertThat(Json.parseObject(api.send("GET", "/debug/traces", null, null).body()).path("items"))
                .as("the reads without a traceparent made no trace")
                .filteredOn(item -> item.path("rootSpan").asText().equals(route))
                .extracting(item -> item.path("traceId").asText()).containsExactly(traceId);
    }

    private static java.util.stream.Stream<JsonNode> spans(JsonNode trace, String name) {
        return java.util.stream.StreamSupport.stream(trace.path("spans").spliterator(), false)
                .filter(s -> s.path("name").asText().equals(name));
    }

    private static List<ReceivedSpan> spansOf(String traceId) {
        return receiver.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static ReceivedSpan one(List<ReceivedSpan> spans, Predicate<ReceivedSpan> which) {
        List<ReceivedSpan> matching = spans.stream().filter(which).toList();
        assertThat(matching).as("one such span among %s", spans.stream().map(ReceivedSpan::name).toList())
                .hasSize(1);
        return matching.get(0);
    }

    private static Predicate<ReceivedSpan> named(String name, String eventId) {
        return s -> s.name().equals(name) && attribute(s, "cloudevents.event_id").equals(eventId);
    }

    private static Predicate<ReceivedSpan> trigger(String trigger, String eventId) {
        return s -> s.name().equals("trigger-filter") && attribute(s, "kumo.trigger").equals(trigger)
                && attribute(s, "cloudevents.event_id").equals(eventId);
    }

    private static String attribute(ReceivedSpan span, String key) {
        return span.raw().getAttributesList().stream().filter(a -> a.getKey().equals(key)).findFirst()
                .map(a -> switch (a.getValue().getValueCase()) {
                    case INT_VALUE -> String.valueOf(a.getValue().getIntValue());
                    case BOOL_VALUE -> String.valueOf(a.getValue().getBoolValue());
                    default -> a.getValue().getStringValue();
                }).orElse("");
    }

    private static List<String> workloadTraceparents() throws Exception {
        List<String> found = new ArrayList<>();
        for (JsonNode entry : receivedByWorkload()) {
            found.add(entry.path("traceparent").asText());
        }
        return found;
    }

    private static Optional<String> received(String id) throws Exception {
        for (JsonNode entry : receivedByWorkload()) {
            if (entry.path("id").asText().equals(id)) {
                return Optional.of(entry.path("traceparent").asText());
            }
        }
        return Optional.empty();
    }

    private static JsonNode receivedByWorkload() throws Exception {
        HttpResponse<String> got = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.ingressPort() + "/received")).header("Host", "replier.default.localhost").build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(got.body());
    }

    private static String hex(int bytes) {
        byte[] value = new byte[bytes];
        random.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }
}

package dev.kumo.dataplane.router;

import static dev.kumo.dataplane.router.RouterHarness.revision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.dataplane.api.RevisionSettings;
import dev.kumo.dataplane.api.RouteTable;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The router's spans (request, activator hold, proxy) and the W3C context it gives instances. */
class RouterTracingIT {

    private static final RevisionId V1 = revision("traced-00001");
    private static final String HOST = "traced.default.localhost";
    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder().setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build();
    private RouterHarness h;

    @AfterEach
    void stop() {
        h.close();
        sdk.close();
    }

    @Test
    void aRequestIsAServerSpanContinuingTheClientsTraceAndTheInstanceGetsTheProxySpanAsParent() {
        h = new RouterHarness(RouterHarness.CONFIG.withOpenTelemetry(sdk));
        Backend backend = h.backend("v1");
        h.ready(V1, backend);
        h.router.update(RouteTable.builder().host(HOST, V1).build());

        TestClient.Answer answer = TestClient.await(h.client.send(h.client.options(HttpMethod.POST, HOST, "/orders?x=1")
                .putHeader("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")
                .putHeader("tracestate", "vendor=kept").putHeader("Content-Length", "0")));

        assertThat(answer.status()).isEqualTo(200);
        List<SpanData> spans = await().atMost(Duration.ofSeconds(10)).until(exported::getFinishedSpanItems,
                items -> items.size() == 2);
        SpanData request = named(spans, "POST /orders");
        SpanData proxy = named(spans, "proxy");
        assertThat(request.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(request.getTraceId()).isEqualTo(TRACE);
        assertThat(request.getParentSpanId()).isEqualTo(CLIENT_SPAN);
        assertThat(request.getAttributes().get(AttributeKey.stringKey("http.request.method"))).isEqualTo("POST");
        assertThat(request.getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/orders");
        assertThat(request.getAttributes().get(AttributeKey.stringKey("server.address"))).isEqualTo(HOST);
        assertThat(request.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(request.getAttributes().get(AttributeKey.stringKey("kumo.revision"))).isEqualTo("default/traced-00001");
        assertThat(proxy.getKind()).isEqualTo(SpanKind.CLIENT);
        assertThat(proxy.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(proxy.getAttributes().get(AttributeKey.longKey("server.port")))
                .isEqualTo((long) backend.address().port());
        assertThat(answer.body().lines()).contains("traceparent: 00-" + TRACE + "-" + proxy.getSpanId() + "-01",
                "tracestate: vendor=kept");
    }

    @Test
    void aRequestHeldAtZeroHasAnActivatorHoldSpanUntilAnInstanceIsReady() {
        h = new RouterHarness(RouterHarness.CONFIG.withOpenTelemetry(sdk));
        h.router.update(RouteTable.builder().host(HOST, V1).revision(V1, new RevisionSettings(30, 0)).build());

        Future<TestClient.Answer> answer = h.client.send(h.client.options(HttpMethod.GET, HOST, "/"));
        await().atMost(Duration.ofSeconds(10)).until(() -> h.registry.get(RevisionMeters.HELD)
                .tag("revision", V1.name()).gauge().value() == 1);
        h.ready(V1, h.backend("late"));

        assertThat(TestClient.await(answer).status()).isEqualTo(200);
        List<SpanData> spans = await().atMost(Duration.ofSeconds(10)).until(exported::getFinishedSpanItems,
                items -> items.size() == 3);
        SpanData request = named(spans, "GET /");
        SpanData hold = named(spans, "activator hold");
        SpanData proxy = named(spans, "proxy");
        assertThat(request.getParentSpanContext().isValid()).as("a new trace").isFalse();
        assertThat(hold.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(proxy.getParentSpanId()).isEqualTo(request.getSpanId());
        assertThat(hold.getEndEpochNanos()).isLessThanOrEqualTo(proxy.getStartEpochNanos());
    }

    @Test
    void aFailedRequestIsAnErrorSpan() {
        h = new RouterHarness(RouterHarness.CONFIG.withOpenTelemetry(sdk));
        h.router.update(RouteTable.builder().host(HOST, V1).build());

        assertThat(h.client.get("unknown.default.localhost").status()).isEqualTo(404);

        SpanData request = await().atMost(Duration.ofSeconds(10)).until(exported::getFinishedSpanItems,
                items -> items.size() == 1).get(0);
        assertThat(request.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(404L);
        assertThat(request.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    }

    @Test
    void anUnsampledRequestKeepsNoSpanButTheInstanceStillGetsItsTraceUnsampled() {
        h = new RouterHarness(RouterHarness.CONFIG.withOpenTelemetry(sdk)); // parent-based: the client's 00 decides
        h.ready(V1, h.backend("v1"));
        h.router.update(RouteTable.builder().host(HOST, V1).build());

        TestClient.Answer answer = TestClient.await(h.client.send(h.client.options(HttpMethod.GET, HOST, "/")
                .putHeader("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-00")));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().lines()).anySatisfy(line -> assertThat(line)
                .startsWith("traceparent: 00-" + TRACE + "-").endsWith("-00")
                .doesNotContain(CLIENT_SPAN));
        // A sampled request after it: its two spans are all that is ever exported.
        String sampledTrace = "0af7651916cd43dd8448eb211c80319c";
        TestClient.await(h.client.send(h.client.options(HttpMethod.GET, HOST, "/")
                .putHeader("traceparent", "00-" + sampledTrace + "-" + CLIENT_SPAN + "-01")));
        List<SpanData> spans = await().atMost(Duration.ofSeconds(10)).until(exported::getFinishedSpanItems,
                items -> items.size() >= 2);
        assertThat(spans).extracting(SpanData::getTraceId).containsOnly(sampledTrace);
        assertThat(named(spans, "GET /").getAttributes().get(AttributeKey.stringKey("url.path"))).isEqualTo("/");
    }

    @Test
    void withoutTracingTheClientsTraceContextPassesThroughUntouched() {
        h = new RouterHarness();
        h.ready(V1, h.backend("v1"));
        h.router.update(RouteTable.builder().host(HOST, V1).build());

        TestClient.Answer answer = TestClient.await(h.client.send(h.client.options(HttpMethod.GET, HOST, "/")
                .putHeader("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")));

        assertThat(answer.body().lines()).contains("traceparent: 00-" + TRACE + "-" + CLIENT_SPAN + "-01");
        assertThat(exported.getFinishedSpanItems()).isEmpty();
    }

    private static SpanData named(List<SpanData> spans, String name) {
        return spans.stream().filter(span -> span.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no span " + name + " among " + spans));
    }
}

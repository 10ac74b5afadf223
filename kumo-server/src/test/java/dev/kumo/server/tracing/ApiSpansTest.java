package dev.kumo.server.tracing;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.apiserver.RequestMetrics;
import dev.kumo.apiserver.RequestTracing;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiSpansTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";
    private static final String ROUTE = "/apis/serving.knative.dev/v1/namespaces/{namespace}/services/{name}";

    private final SpanTesting sdk = new SpanTesting();
    private final ApiSpans spans = new ApiSpans(sdk.openTelemetry);

    @AfterEach
    void close() {
        sdk.close();
    }

    @Test
    void aRequestIsAServerSpanNamedByItsRouteContinuingTheClientsTraceparent() {
        RequestTracing.Span span = spans.begin(new RequestTracing.Traced("PUT", ROUTE,
                "/apis/serving.knative.dev/v1/namespaces/default/services/hello",
                new RequestMetrics.Request("PUT", "serving.knative.dev", "v1", "services", "", "resource"),
                "default", "hello", Map.of("traceparent", "00-" + TRACE + "-" + CLIENT_SPAN + "-01")));
        span.ended(200);

        SpanData data = sdk.exported.getFinishedSpanItems().getFirst();
        assertThat(data.getName()).isEqualTo("PUT " + ROUTE);
        assertThat(data.getKind()).isEqualTo(SpanKind.SERVER);
        assertThat(data.getTraceId()).isEqualTo(TRACE);
        assertThat(data.getParentSpanId()).isEqualTo(CLIENT_SPAN);
        assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
        assertThat(data.getAttributes().get(stringKey("http.request.method"))).isEqualTo("PUT");
        assertThat(data.getAttributes().get(stringKey("url.path")))
                .isEqualTo("/apis/serving.knative.dev/v1/namespaces/default/services/hello");
        assertThat(data.getAttributes().get(stringKey("http.route"))).isEqualTo(ROUTE);
        assertThat(data.getAttributes().get(longKey("http.response.status_code"))).isEqualTo(200L);
        assertThat(data.getAttributes().get(stringKey("k8s.verb"))).isEqualTo("put");
        assertThat(data.getAttributes().get(stringKey("k8s.resource"))).isEqualTo("services.serving.knative.dev");
        assertThat(data.getAttributes().get(stringKey("k8s.namespace.name"))).isEqualTo("default");
        assertThat(data.getAttributes().get(stringKey("k8s.object.name"))).isEqualTo("hello");
    }

    @Test
    void aPathNamingNoObjectHasNoObjectAttributesAndAServerErrorIsAnError() {
        RequestTracing.Span span = spans.begin(new RequestTracing.Traced("GET", "/apis", "/apis",
                RequestMetrics.Request.other("GET"), "", "", Map.of()));
        span.ended(500);

        SpanData data = sdk.exported.getFinishedSpanItems().getFirst();
        assertThat(data.getName()).isEqualTo("GET /apis");
        assertThat(data.getParentSpanContext().isValid()).as("a new trace: the client sent none").isFalse();
        assertThat(data.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(data.getAttributes().asMap().keySet()).extracting(k -> k.getKey())
                .doesNotContain("k8s.resource", "k8s.namespace.name", "k8s.object.name");
    }

    @Test
    void theSpanIsCurrentWhileTheRequestIsAnsweredSoItsWritesHandItOn() {
        WriteHandoff handoff = new WriteHandoff();
        RequestTracing.Span span = spans.begin(new RequestTracing.Traced("POST",
                "/api/v1/namespaces/{namespace}/configmaps", "/api/v1/namespaces/default/configmaps",
                new RequestMetrics.Request("POST", "", "v1", "configmaps", "", "namespace"), "default", "",
                Map.of()));
        String current = Span.current().getSpanContext().getSpanId();
        handoff.written(ResourceTypes.SERVICE, "default", "hello");
        span.ended(201);

        assertThat(Span.current().getSpanContext().isValid()).as("no longer current once ended").isFalse();
        assertThat(current).isEqualTo(sdk.exported.getFinishedSpanItems().getFirst().getSpanId());
        assertThat(handoff.take(ResourceTypes.SERVICE, "default", "hello")).get()
                .satisfies(cause -> assertThat(cause.span().getSpanId()).isEqualTo(current));
        assertThat(handoff.take(ResourceTypes.SERVICE, "default", "hello")).as("taken once").isEmpty();
    }
}

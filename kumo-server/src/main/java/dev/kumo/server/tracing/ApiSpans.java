package dev.kumo.server.tracing;

import dev.kumo.apiserver.RequestMetrics;
import dev.kumo.apiserver.RequestTracing;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Map;

/**
 * The API server's spans: a SERVER span per request named {@code METHOD ROUTE}
 * ({@code POST /apis/serving.knative.dev/v1/namespaces/{namespace}/services}), continuing the client's
 * {@code traceparent}, with OpenTelemetry's HTTP attributes ({@code http.request.method}, {@code url.path},
 * {@code http.route}, {@code http.response.status_code}) and the object's ({@code k8s.verb}, {@code k8s.resource},
 * {@code k8s.subresource}, {@code k8s.namespace.name}, {@code k8s.object.name}) where the path names them. The span
 * is current while the request is answered, so its writes hand it to their reconciles ({@link HandoffStore}).
 */
public final class ApiSpans implements RequestTracing {

    static final String INSTRUMENTATION = "dev.kumo.apiserver";

    private static final TextMapGetter<Map<String, String>> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> headers) {
            return headers.keySet();
        }

        @Override
        public String get(Map<String, String> headers, String key) {
            return headers == null ? null : headers.get(key.toLowerCase(java.util.Locale.ROOT));
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    public ApiSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public RequestTracing.Span begin(Traced request) {
        Context parent = propagator.extract(Context.root(), request.headers(), HEADERS);
        SpanBuilder builder = tracer.spanBuilder(request.method() + " " + request.route()).setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", request.method())
                .setAttribute("url.path", request.path())
                .setAttribute("http.route", request.route());
        RequestMetrics.Request labels = request.labels();
        if (!labels.resource().isEmpty()) {
            builder.setAttribute("k8s.verb", labels.verb().toLowerCase(java.util.Locale.ROOT))
                    .setAttribute("k8s.resource", labels.group().isEmpty() ? labels.resource()
                            : labels.resource() + "." + labels.group());
        }
        if (!labels.subresource().isEmpty()) {
            builder.setAttribute("k8s.subresource", labels.subresource());
        }
        if (!request.namespace().isEmpty()) {
            builder.setAttribute("k8s.namespace.name", request.namespace());
        }
        if (!request.name().isEmpty()) {
            builder.setAttribute("k8s.object.name", request.name());
        }
        io.opentelemetry.api.trace.Span span = builder.startSpan();
        Scope scope = span.makeCurrent();
        return status -> {
            span.setAttribute("http.response.status_code", status);
            if (status >= 500) {
                span.setStatus(StatusCode.ERROR);
            }
            scope.close();
            span.end();
        };
    }
}

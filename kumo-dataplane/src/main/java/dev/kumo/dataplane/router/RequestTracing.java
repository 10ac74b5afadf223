package dev.kumo.dataplane.router;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.http.HttpServerRequest;

/**
 * The tracing stage, first in the chain when tracing is on: a server span per request, continuing the W3C
 * {@code traceparent} it came with, named {@code METHOD PATH} with OpenTelemetry's HTTP attributes; the exchange
 * adds the activator hold, the queue wait and the proxy to the instance as its children ({@link RequestTrace}).
 */
final class RequestTracing implements Stage {

    static final String INSTRUMENTATION = "dev.kumo.dataplane.router";

    private static final TextMapGetter<HttpServerRequest> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(HttpServerRequest request) {
            return request.headers().names();
        }

        @Override
        public String get(HttpServerRequest request, String key) {
            return request == null ? null : request.getHeader(key);
        }
    };

    private static final TextMapGetter<io.netty.handler.codec.http.HttpHeaders> NETTY_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(io.netty.handler.codec.http.HttpHeaders headers) {
            return headers.names();
        }

        @Override
        public String get(io.netty.handler.codec.http.HttpHeaders headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;

    RequestTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    @Override
    public void handle(Exchange exchange, Chain next) {
        HttpServerRequest request = exchange.request();
        Context parent = propagator.extract(Context.root(), request, HEADERS);
        String method = request.method().name();
        // Performance: Kumo's sampler decides by trace id alone, so the name and attributes are only built for a
        // span that records (at 1% sampling, 99 requests in 100 pay for no string and no attribute).
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
        if (span.isRecording()) {
            String path = request.path();
            String host = exchange.host();
            span.updateName(method + " " + path)
                    .setAttribute(SpanAttributes.METHOD, method)
                    .setAttribute(SpanAttributes.PATH, path)
                    .setAttribute(SpanAttributes.SCHEME, "http")
                    .setAttribute(SpanAttributes.SERVER_ADDRESS, host == null ? "" : HostHeader.routeKey(host))
                    .setAttribute(SpanAttributes.PROTOCOL_VERSION, protocolVersion(request));
        }
        exchange.traced(new RequestTrace(tracer, propagator, span));
        next.proceed(exchange);
    }

    /** The same request span for a request the Netty front forwards, from its Netty {@code head}. */
    RequestTrace begin(io.netty.handler.codec.http.HttpRequest head) {
        Context parent = propagator.extract(Context.root(), head.headers(), NETTY_HEADERS);
        String method = head.method().name();
        Span span = tracer.spanBuilder(method).setParent(parent).setSpanKind(SpanKind.SERVER).startSpan();
        if (span.isRecording()) {
            String uri = head.uri();
            int query = uri.indexOf('?');
            String path = query < 0 ? uri : uri.substring(0, query);
            String host = head.headers().get(io.netty.handler.codec.http.HttpHeaderNames.HOST);
            span.updateName(method + " " + path)
                    .setAttribute(SpanAttributes.METHOD, method)
                    .setAttribute(SpanAttributes.PATH, path)
                    .setAttribute(SpanAttributes.SCHEME, "http")
                    .setAttribute(SpanAttributes.SERVER_ADDRESS, host == null ? "" : HostHeader.routeKey(host))
                    .setAttribute(SpanAttributes.PROTOCOL_VERSION,
                            head.protocolVersion().minorVersion() == 0 ? "1.0" : "1.1");
        }
        return new RequestTrace(tracer, propagator, span);
    }

    private static String protocolVersion(HttpServerRequest request) {
        return switch (request.version()) {
            case HTTP_2 -> "2";
            case HTTP_1_0 -> "1.0";
            default -> "1.1";
        };
    }
}

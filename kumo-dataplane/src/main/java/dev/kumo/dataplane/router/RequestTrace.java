package dev.kumo.dataplane.router;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.context.propagation.TextMapSetter;
import io.vertx.core.MultiMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One traced request's spans, used on its event loop only: the request's server span and, as its children, the
 * wait for an instance ({@code activator hold} at zero, {@code queue wait} behind containerConcurrency) and each
 * attempt to reach an instance ({@code proxy}, a client span whose context the instance receives as
 * {@code traceparent}).
 */
final class RequestTrace {

    private static final TextMapSetter<MultiMap> HEADERS = (headers, key, value) -> headers.set(key, value);
    private static final TextMapSetter<List<String>> FIELDS = (fields, key, value) -> {
        fields.add(key);
        fields.add(value);
    };

    private final Tracer tracer;
    private final TextMapPropagator propagator;
    private final Span request;
    private final Context context;
    private Span waiting;
    private Span proxy;

    RequestTrace(Tracer tracer, TextMapPropagator propagator, Span request) {
        this.tracer = tracer;
        this.propagator = propagator;
        this.request = request;
        this.context = Context.root().with(request);
    }

    /** The request waits for an instance: held by the activator ({@code atZero}) or queued. */
    void waitStarted(boolean atZero, String revision) {
        if (waiting == null) {
            waiting = tracer.spanBuilder(atZero ? "activator hold" : "queue wait").setParent(context)
                    .setAttribute(SpanAttributes.REVISION, revision).startSpan();
        }
    }

    /** The request span's trace id, when it is sampled. */
    Optional<String> traceId() {
        SpanContext span = request.getSpanContext();
        return span.isValid() && span.isSampled() ? Optional.of(span.getTraceId()) : Optional.empty();
    }

    /** An instance was leased: the wait, if any, is over. */
    void leased() {
        if (waiting != null) {
            waiting.end();
            waiting = null;
        }
    }

    /** An attempt to reach {@code instance} begins. */
    void proxyStarted(String revision, Instance instance) {
        endProxy();
        proxy = tracer.spanBuilder("proxy").setParent(context).setSpanKind(SpanKind.CLIENT).startSpan();
        if (proxy.isRecording()) { // attributes only for a span that keeps them (see RequestTracing)
            proxy.setAttribute(SpanAttributes.SERVER_ADDRESS, instance.address.host())
                    .setAttribute(SpanAttributes.SERVER_PORT, (long) instance.address.port())
                    .setAttribute(SpanAttributes.REVISION, revision);
        }
    }

    /** Puts the proxy span's context in the instance's request headers ({@code traceparent}, {@code tracestate}). */
    void inject(MultiMap headers) {
        if (proxy != null) {
            propagator.inject(Context.root().with(proxy), headers, HEADERS);
        }
    }

    /** The same as lines for the Netty front's head: name, value, name, value… (empty: no proxy span). */
    List<String> fields() {
        List<String> fields = new ArrayList<>(4);
        if (proxy != null) {
            propagator.inject(Context.root().with(proxy), fields, FIELDS);
        }
        return fields;
    }

    /** The attempt could not connect (nothing was sent). */
    void proxyFailed(Throwable cause) {
        if (proxy != null) {
            proxy.setStatus(StatusCode.ERROR, "connect: " + cause.getMessage());
            endProxy();
        }
    }

    /** The request ended with {@code status} (0: no response was sent), naming the revision it went to. */
    void end(int status, String revision) {
        leased();
        if (proxy != null) {
            proxy.setAttribute(SpanAttributes.STATUS_CODE, (long) status);
            endProxy();
        }
        if (revision != null) {
            request.setAttribute(SpanAttributes.REVISION, revision);
        }
        if (status > 0) {
            request.setAttribute(SpanAttributes.STATUS_CODE, (long) status);
        }
        if (status >= 500 || status == 0) {
            request.setStatus(StatusCode.ERROR);
        }
        request.end();
    }

    private void endProxy() {
        if (proxy != null) {
            proxy.end();
            proxy = null;
        }
    }
}

package dev.kumo.eventing.tracing;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.TriggerRef;
import dev.kumo.eventing.http.TraceContext;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.MultiMap;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The mesh's spans, named as Knative's: {@code broker-ingress} (or {@code channel-ingress}) per accepted event,
 * {@code trigger-filter} (or {@code channel-subscriber}) per event and Trigger from the filter to the end of its
 * delivery, and under it one client span per attempt ({@code delivery}, {@code reply}, {@code dead-letter}) and
 * {@code broker-reply} for a reply stored back. Each event leaves a span carrying that span's context as its
 * {@code traceparent}/{@code tracestate} extensions (and so as headers, see {@link TraceContext#propagate}), so one
 * trace follows an event through the broker, the subscriber and its reply. {@link #OFF} makes no span and changes
 * no event.
 */
public final class EventTracing {

    /** Traces nothing. */
    public static final EventTracing OFF = new EventTracing(OpenTelemetry.noop());

    static final String INSTRUMENTATION = "dev.kumo.eventing";

    private static final TextMapGetter<MultiMap> HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(MultiMap headers) {
            return headers.names();
        }

        @Override
        public String get(MultiMap headers, String key) {
            return headers == null ? null : headers.get(key);
        }
    };

    private static final TextMapGetter<CloudEvent> EXTENSIONS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(CloudEvent event) {
            return List.of(TraceContext.TRACEPARENT, TraceContext.TRACESTATE);
        }

        @Override
        public String get(CloudEvent event, String key) {
            Object value = event == null ? null : event.getExtension(key);
            return value == null ? null : value.toString();
        }
    };

    private final boolean on;
    private final Tracer tracer;
    private final TextMapPropagator propagator;

    private EventTracing(OpenTelemetry openTelemetry) {
        this.on = openTelemetry != OpenTelemetry.noop();
        this.tracer = openTelemetry.getTracer(INSTRUMENTATION);
        this.propagator = openTelemetry.getPropagators().getTextMapPropagator();
    }

    /** Spans into {@code openTelemetry}; {@link #OFF} for the no-op one. */
    public static EventTracing of(OpenTelemetry openTelemetry) {
        return openTelemetry == OpenTelemetry.noop() ? OFF : new EventTracing(openTelemetry);
    }

    /** Whether spans are made (and events' trace context replaced by theirs). */
    public boolean on() {
        return on;
    }

    /**
     * The span of an event arriving at {@code stream}'s ingress, continuing the request's {@code traceparent}
     * header, else the event's own extension.
     */
    public Span ingress(BrokerRef stream, String method, String path, MultiMap headers, CloudEvent event) {
        if (!on) {
            return Span.getInvalid();
        }
        Context parent = propagator.extract(Context.root(), headers, HEADERS);
        if (!Span.fromContext(parent).getSpanContext().isValid()) {
            parent = propagator.extract(Context.root(), event, EXTENSIONS);
        }
        boolean channel = ChannelRef.isChannel(stream);
        SpanBuilder span = tracer.spanBuilder(channel ? "channel-ingress" : "broker-ingress").setParent(parent)
                .setSpanKind(SpanKind.SERVER)
                .setAttribute("http.request.method", method)
                .setAttribute("url.path", path)
                .setAttribute("messaging.operation.type", "receive");
        return event(span, stream, event).startSpan();
    }

    /**
     * The span of {@code trigger} taking an event of {@code stream}: the filter and, when it matches, the whole
     * delivery; a child of the span the event carries.
     */
    public Span filter(TriggerRef trigger, BrokerRef stream, CloudEvent event) {
        if (!on) {
            return Span.getInvalid();
        }
        boolean channel = ChannelRef.isChannel(stream);
        SpanBuilder span = tracer.spanBuilder(channel ? "channel-subscriber" : "trigger-filter")
                .setParent(propagator.extract(Context.root(), event, EXTENSIONS)).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.operation.type", "process")
                .setAttribute(channel ? "kumo.subscriber" : "kumo.trigger", trigger.toString());
        return event(span, stream, event).startSpan();
    }

    /** One attempt ({@code name}: {@code delivery}, {@code reply}, {@code dead-letter}) to POST to {@code target}. */
    public Span attempt(Span parent, String name, URI target, int attempt) {
        if (!on) {
            return Span.getInvalid();
        }
        return tracer.spanBuilder(name).setParent(Context.root().with(parent)).setSpanKind(SpanKind.CLIENT)
                .setAttribute("http.request.method", "POST")
                .setAttribute("url.full", target.toString())
                .setAttribute("server.address", target.getHost() == null ? "" : target.getHost())
                .setAttribute("kumo.delivery.attempt", (long) attempt)
                .startSpan();
    }

    /**
     * The span of a subscriber's reply going back into {@code broker}: a child of the reply's own trace context
     * when it continues the attempt's trace (an instrumented subscriber), else of the attempt.
     */
    public Span reply(Span attempt, BrokerRef broker, CloudEvent reply) {
        if (!on) {
            return Span.getInvalid();
        }
        Context own = propagator.extract(Context.root(), reply, EXTENSIONS);
        SpanContext ownSpan = Span.fromContext(own).getSpanContext();
        Context parent = ownSpan.isValid() && ownSpan.getTraceId().equals(attempt.getSpanContext().getTraceId())
                ? own : Context.root().with(attempt);
        SpanBuilder span = tracer.spanBuilder("broker-reply").setParent(parent).setSpanKind(SpanKind.PRODUCER)
                .setAttribute("messaging.operation.type", "send");
        return event(span, broker, reply).startSpan();
    }

    /** Ends {@code span} with an HTTP status: 5xx (and 0, no answer) mark it failed. */
    public static void ended(Span span, int status) {
        if (!span.getSpanContext().isValid()) {
            return;
        }
        if (status > 0) {
            span.setAttribute("http.response.status_code", (long) status);
        }
        if (status >= 500 || status == 0) {
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** {@code event} carrying {@code span}'s context as its trace extensions; unchanged when the span is invalid. */
    public CloudEvent carrying(CloudEvent event, Span span) {
        if (!span.getSpanContext().isValid()) {
            return event;
        }
        Map<String, String> fields = new HashMap<>(2);
        propagator.inject(Context.root().with(span), fields, Map::put);
        String parent = fields.get(TraceContext.TRACEPARENT);
        if (parent == null) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event).withExtension(TraceContext.TRACEPARENT, parent);
        String state = fields.get(TraceContext.TRACESTATE);
        return (state == null || state.isEmpty() ? builder.withoutExtension(TraceContext.TRACESTATE)
                : builder.withExtension(TraceContext.TRACESTATE, state)).build();
    }

    private static SpanBuilder event(SpanBuilder span, BrokerRef stream, CloudEvent event) {
        return span.setAttribute("messaging.system", "knative")
                .setAttribute("messaging.destination.name", stream.toString())
                .setAttribute("messaging.message.id", event.getId())
                .setAttribute("cloudevents.event_id", event.getId())
                .setAttribute("cloudevents.event_type", event.getType())
                .setAttribute("cloudevents.event_source", event.getSource().toString());
    }
}

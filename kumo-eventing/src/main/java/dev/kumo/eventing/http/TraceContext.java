package dev.kumo.eventing.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.client.HttpRequest;
import java.util.regex.Pattern;

/**
 * W3C trace context through a channel: valid {@code traceparent}/{@code tracestate} headers of the request that
 * brought an event are kept with it as the CloudEvents distributed-tracing extension (an extension the producer set wins) and
 * sent on again as those headers with every delivery.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final Pattern W3C_TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
    private static final Pattern PRINTABLE = Pattern.compile("[\\x20-\\x7E]{1,512}");

    private TraceContext() {
    }

    /** {@code event} carrying the request's trace context, unchanged when there is none or it has its own. */
    public static CloudEvent carry(CloudEvent event, MultiMap headers) {
        String parent = headers.get(TRACEPARENT);
        if (parent == null || !W3C_TRACEPARENT.matcher(parent).matches() || event.getExtension(TRACEPARENT) != null) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event).withExtension(TRACEPARENT, parent);
        String state = headers.get(TRACESTATE);
        if (state != null && PRINTABLE.matcher(state).matches()) {
            builder.withExtension(TRACESTATE, state);
        }
        return builder.build();
    }

    /**
     * Sends the event's trace context as W3C headers too, when it is one: a {@code traceparent} of W3C's form
     * ({@code 00-<32 hex>-<16 hex>-<2 hex>}), a {@code tracestate} of printable ASCII. Anything else stays an
     * extension only (a {@code ce-traceparent} as a producer wrote it).
     */
    public static void propagate(CloudEvent event, HttpRequest<?> request) {
        propagate(event, request.headers());
    }

    /** As {@link #propagate(CloudEvent, HttpRequest)}, into a request's {@code headers}. */
    public static void propagate(CloudEvent event, MultiMap headers) {
        Object parent = event.getExtension(TRACEPARENT);
        if (parent != null && W3C_TRACEPARENT.matcher(parent.toString()).matches()) {
            headers.set(TRACEPARENT, parent.toString());
            Object state = event.getExtension(TRACESTATE);
            if (state != null && PRINTABLE.matcher(state.toString()).matches()) {
                headers.set(TRACESTATE, state.toString());
            }
        }
    }
}

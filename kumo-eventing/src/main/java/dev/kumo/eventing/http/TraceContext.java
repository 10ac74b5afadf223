package dev.kumo.eventing.http;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.client.HttpRequest;

/**
 * W3C trace context through a channel: {@code traceparent}/{@code tracestate} headers of the request that brought an
 * event are kept with it as the CloudEvents distributed-tracing extension (an extension the producer set wins) and
 * sent on again as those headers with every delivery.
 */
public final class TraceContext {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private TraceContext() {
    }

    /** {@code event} carrying the request's trace context, unchanged when there is none or it has its own. */
    public static CloudEvent carry(CloudEvent event, MultiMap headers) {
        String parent = headers.get(TRACEPARENT);
        if (parent == null || event.getExtension(TRACEPARENT) != null) {
            return event;
        }
        CloudEventBuilder builder = CloudEventBuilder.from(event).withExtension(TRACEPARENT, parent);
        String state = headers.get(TRACESTATE);
        if (state != null) {
            builder.withExtension(TRACESTATE, state);
        }
        return builder.build();
    }

    /** Sends the event's trace context, if it has one, as W3C headers too. */
    public static void propagate(CloudEvent event, HttpRequest<?> request) {
        Object parent = event.getExtension(TRACEPARENT);
        if (parent != null) {
            request.putHeader(TRACEPARENT, parent.toString());
            Object state = event.getExtension(TRACESTATE);
            if (state != null) {
                request.putHeader(TRACESTATE, state.toString());
            }
        }
    }
}

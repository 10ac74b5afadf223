package dev.kumo.eventing.ingress;

import dev.kumo.eventing.http.PercentDecoding;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.message.MessageReader;
import io.cloudevents.http.vertx.VertxMessageFactory;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;

/**
 * Reads a CloudEvent from HTTP headers and body with the CloudEvents SDK (binary mode: {@code ce-*} headers;
 * structured mode: {@code Content-Type: application/cloudevents+json}) and checks the required attributes; binary
 * mode header values are read liberally first ({@link PercentDecoding}).
 */
public final class EventParser {

    static final String BATCH_TYPE = "application/cloudevents-batch+json";

    private EventParser() {
    }

    public static Parsed parse(MultiMap headers, Buffer body) {
        return parse(headers, body, () -> {
        });
    }

    /** As {@link #parse(MultiMap, Buffer)}, calling {@code literalPercent} per value whose '%' was kept as sent. */
    public static Parsed parse(MultiMap headers, Buffer body, Runnable literalPercent) {
        String contentType = headers.get("Content-Type");
        if (contentType != null && contentType.toLowerCase().startsWith(BATCH_TYPE)) {
            return new Parsed.Invalid("batch mode (Content-Type " + BATCH_TYPE + ") is not supported: send one"
                    + " event per request, in binary or structured mode");
        }
        CloudEvent event;
        try {
            MessageReader reader = VertxMessageFactory.createReader(
                    PercentDecoding.decodeAttributes(headers, literalPercent), body);
            event = reader.toEvent();
        } catch (RuntimeException e) {
            return new Parsed.Invalid(ParseFailure.describe(e, contentType));
        }
        return check(event);
    }

    /** The required attributes, with messages naming the attribute and the fix. */
    public static Parsed check(CloudEvent event) {
        if (event.getId() == null || event.getId().isEmpty()) {
            return missing("id", "a unique identifier, e.g. ce-id: 7c3a…");
        }
        if (event.getSource() == null || event.getSource().toString().isEmpty()) {
            return missing("source", "a URI-reference naming the producer, e.g. ce-source: /my/app");
        }
        if (event.getType() == null || event.getType().isEmpty()) {
            return missing("type", "e.g. ce-type: com.example.order.created");
        }
        return new Parsed.Event(event);
    }

    private static Parsed missing(String attribute, String hint) {
        return new Parsed.Invalid("the event has no '" + attribute + "' attribute: set it (" + hint + ")");
    }
}

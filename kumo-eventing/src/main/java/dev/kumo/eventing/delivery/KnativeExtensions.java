package dev.kumo.eventing.delivery;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.OptionalInt;

/**
 * The extensions a Knative broker adds: {@code knativearrivaltime} stamped at ingress, and the loop guard
 * {@code knativebrokerttl} (255 by default, one less on every reply, refused at 0; subscribers never see it).
 */
public final class KnativeExtensions {

    public static final String ARRIVAL_TIME = "knativearrivaltime";
    public static final String BROKER_TTL = "knativebrokerttl";
    public static final int DEFAULT_TTL = 255;

    private KnativeExtensions() {
    }

    /** The event's TTL; empty when absent; {@link IllegalArgumentException} naming the value when not an integer. */
    public static OptionalInt ttl(CloudEvent event) {
        Object value = event.getExtension(BROKER_TTL);
        if (value == null) {
            return OptionalInt.empty();
        }
        if (value instanceof Number number) {
            return OptionalInt.of(number.intValue());
        }
        try {
            return OptionalInt.of(Integer.parseInt(value.toString().trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("extension " + BROKER_TTL + " is '" + value
                    + "': want an integer (hops left before the broker drops the event), or leave it out");
        }
    }

    /** The event as stored at ingress: arrival time stamped, TTL defaulted. */
    public static CloudEvent stamp(CloudEvent event, Instant arrival, int ttl) {
        return CloudEventBuilder.v1(event)
                .withExtension(ARRIVAL_TIME, OffsetDateTime.ofInstant(arrival, ZoneOffset.UTC).toString())
                .withExtension(BROKER_TTL, ttl)
                .build();
    }

    /** The event as a subscriber gets it: without the broker's TTL. */
    public static CloudEvent forSubscriber(CloudEvent event) {
        return event.getExtension(BROKER_TTL) == null ? event
                : CloudEventBuilder.v1(event).withoutExtension(BROKER_TTL).build();
    }
}

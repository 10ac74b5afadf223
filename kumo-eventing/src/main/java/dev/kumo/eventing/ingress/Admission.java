package dev.kumo.eventing.ingress;

import dev.kumo.eventing.delivery.KnativeExtensions;
import io.cloudevents.CloudEvent;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * What a broker does to an event before storing it: refuse it when its {@code knativebrokerttl} has run out (a loop),
 * else stamp {@code knativearrivaltime} and default the TTL to 255.
 */
public final class Admission {

    private Admission() {
    }

    /** The event to store, or why not. */
    public static Parsed admit(CloudEvent event, Instant arrival) {
        OptionalInt ttl;
        try {
            ttl = KnativeExtensions.ttl(event);
        } catch (IllegalArgumentException e) {
            return new Parsed.Invalid(e.getMessage());
        }
        if (ttl.isPresent() && ttl.getAsInt() <= 0) {
            return new Parsed.Invalid("extension " + KnativeExtensions.BROKER_TTL + " is " + ttl.getAsInt()
                    + ": the event has gone round the broker too many times (a reply loop?); it is dropped");
        }
        return new Parsed.Event(KnativeExtensions.stamp(event, arrival,
                ttl.orElse(KnativeExtensions.DEFAULT_TTL)));
    }
}

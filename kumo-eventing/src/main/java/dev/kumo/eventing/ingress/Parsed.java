package dev.kumo.eventing.ingress;

import io.cloudevents.CloudEvent;

/** What a request body turned out to be: an event, or why it is not one. */
public sealed interface Parsed {

    /** A valid CloudEvent. */
    record Event(CloudEvent event) implements Parsed {
    }

    /** Not a valid CloudEvent; {@code reason} says what is wrong and how to fix it. */
    record Invalid(String reason) implements Parsed {
    }
}

package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;

/** One step of a Sequence: a Destination written inline, and how events are delivered to it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceStep(KReference ref, String uri, @JsonProperty("CACerts") String caCerts, String audience,
        DeliverySpec delivery) {

    public static SequenceStep of(Destination destination) {
        return new SequenceStep(destination.ref(), destination.uri(), destination.caCerts(), destination.audience(),
                null);
    }

    /** The step as a Destination. */
    public Destination destination() {
        return new Destination(ref, uri, caCerts, audience);
    }
}

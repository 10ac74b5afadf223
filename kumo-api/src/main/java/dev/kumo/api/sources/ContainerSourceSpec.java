package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.duck.Destination;

/** A ContainerSource's desired state: the pod {@code template} to run and the {@code sink} it sends to. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSourceSpec(Destination sink, CloudEventOverrides ceOverrides, PodTemplate template) {

    /** A spec with no field set, to be filled in by defaults. */
    public static final ContainerSourceSpec EMPTY = new ContainerSourceSpec(null, null, null);

    public ContainerSourceSpec withTemplate(PodTemplate value) {
        return new ContainerSourceSpec(sink, ceOverrides, value);
    }
}

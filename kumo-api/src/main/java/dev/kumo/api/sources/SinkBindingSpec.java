package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.meta.LabelSelectorSpec;

/** A SinkBinding's desired state: the {@code subject} whose workloads are bound, and the {@code sink}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkBindingSpec(Destination sink, CloudEventOverrides ceOverrides, Subject subject) {

    /** A spec with no field set, to be filled in by defaults. */
    public static final SinkBindingSpec EMPTY = new SinkBindingSpec(null, null, null);

    /** The object(s) bound: by {@code name} or by label {@code selector}, in the binding's namespace. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(String apiVersion, String kind, String namespace, String name,
            LabelSelectorSpec selector) {

        public Subject withNamespace(String value) {
            return new Subject(apiVersion, kind, value, name, selector);
        }
    }

    public SinkBindingSpec withSink(Destination value) {
        return new SinkBindingSpec(value, ceOverrides, subject);
    }

    public SinkBindingSpec withSubject(Subject value) {
        return new SinkBindingSpec(sink, ceOverrides, value);
    }
}

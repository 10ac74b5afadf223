package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Sequence: each step's reply goes on to the next step, the last one's to {@code spec.reply}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Sequence(String apiVersion, String kind, ObjectMeta metadata, SequenceSpec spec, SequenceStatus status)
        implements HasMetadata {

    public static Sequence of(ObjectMeta metadata, SequenceSpec spec) {
        return new Sequence(ResourceTypes.SEQUENCE.apiVersion(), ResourceTypes.SEQUENCE.kind(), metadata, spec, null);
    }

    public Sequence withMetadata(ObjectMeta value) {
        return new Sequence(apiVersion, kind, value, spec, status);
    }

    public Sequence withSpec(SequenceSpec value) {
        return new Sequence(apiVersion, kind, metadata, value, status);
    }

    public Sequence withStatus(SequenceStatus value) {
        return new Sequence(apiVersion, kind, metadata, spec, value);
    }
}

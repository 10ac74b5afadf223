package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative SinkBinding: gives the workloads of its subject the sink's URL ({@code K_SINK}) and overrides. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SinkBinding(String apiVersion, String kind, ObjectMeta metadata, SinkBindingSpec spec,
        SourceStatus status) implements HasMetadata {

    /** A new SinkBinding with the given metadata and spec and no status. */
    public static SinkBinding of(ObjectMeta metadata, SinkBindingSpec spec) {
        return new SinkBinding(ResourceTypes.SINK_BINDING.apiVersion(), ResourceTypes.SINK_BINDING.kind(), metadata,
                spec, null);
    }

    public SinkBinding withMetadata(ObjectMeta value) {
        return new SinkBinding(apiVersion, kind, value, spec, status);
    }

    public SinkBinding withSpec(SinkBindingSpec value) {
        return new SinkBinding(apiVersion, kind, metadata, value, status);
    }

    public SinkBinding withStatus(SourceStatus value) {
        return new SinkBinding(apiVersion, kind, metadata, spec, value);
    }
}

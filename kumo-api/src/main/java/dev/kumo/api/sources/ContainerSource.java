package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative ContainerSource: runs its pod template with a SinkBinding to the sink. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ContainerSource(String apiVersion, String kind, ObjectMeta metadata, ContainerSourceSpec spec,
        SourceStatus status) implements HasMetadata {

    /** A new ContainerSource with the given metadata and spec and no status. */
    public static ContainerSource of(ObjectMeta metadata, ContainerSourceSpec spec) {
        return new ContainerSource(ResourceTypes.CONTAINER_SOURCE.apiVersion(), ResourceTypes.CONTAINER_SOURCE.kind(),
                metadata, spec, null);
    }

    public ContainerSource withSpec(ContainerSourceSpec value) {
        return new ContainerSource(apiVersion, kind, metadata, value, status);
    }

    public ContainerSource withStatus(SourceStatus value) {
        return new ContainerSource(apiVersion, kind, metadata, spec, value);
    }
}

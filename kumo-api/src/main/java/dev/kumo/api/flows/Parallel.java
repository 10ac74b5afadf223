package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Parallel: every event goes to every branch whose filter passes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Parallel(String apiVersion, String kind, ObjectMeta metadata, ParallelSpec spec, ParallelStatus status)
        implements HasMetadata {

    public static Parallel of(ObjectMeta metadata, ParallelSpec spec) {
        return new Parallel(ResourceTypes.PARALLEL.apiVersion(), ResourceTypes.PARALLEL.kind(), metadata, spec, null);
    }

    public Parallel withMetadata(ObjectMeta value) {
        return new Parallel(apiVersion, kind, value, spec, status);
    }

    public Parallel withSpec(ParallelSpec value) {
        return new Parallel(apiVersion, kind, metadata, value, status);
    }

    public Parallel withStatus(ParallelStatus value) {
        return new Parallel(apiVersion, kind, metadata, spec, value);
    }
}

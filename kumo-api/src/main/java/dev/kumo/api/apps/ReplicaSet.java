package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/**
 * An {@code apps/v1} ReplicaSet: the view of one pod template of a Deployment (its {@code pod-template-hash}) that
 * the Deployment's reconciler writes; the instances themselves are the Deployment's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSet(String apiVersion, String kind, ObjectMeta metadata, ReplicaSetSpec spec,
        ReplicaSetStatus status) implements HasMetadata {

    public ReplicaSet withMetadata(ObjectMeta value) {
        return new ReplicaSet(apiVersion, kind, value, spec, status);
    }

    public ReplicaSet withSpec(ReplicaSetSpec value) {
        return new ReplicaSet(apiVersion, kind, metadata, value, status);
    }

    public ReplicaSet withStatus(ReplicaSetStatus value) {
        return new ReplicaSet(apiVersion, kind, metadata, spec, value);
    }
}

package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** An {@code apps/v1} Deployment: {@code replicas} instances of a pod template, rolled on each template change. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Deployment(String apiVersion, String kind, ObjectMeta metadata, DeploymentSpec spec,
        DeploymentStatus status) implements HasMetadata {

    public Deployment withSpec(DeploymentSpec value) {
        return new Deployment(apiVersion, kind, metadata, value, status);
    }

    public Deployment withStatus(DeploymentStatus value) {
        return new Deployment(apiVersion, kind, metadata, spec, value);
    }
}

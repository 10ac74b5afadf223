package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Service: a template and a traffic split; it owns a Configuration and a Route of the same name. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Service(String apiVersion, String kind, ObjectMeta metadata, ServiceSpec spec, ServiceStatus status)
        implements HasMetadata {

    /** A new Service with the given metadata and spec and no status. */
    public static Service of(ObjectMeta metadata, ServiceSpec spec) {
        return new Service(ResourceTypes.SERVICE.apiVersion(), ResourceTypes.SERVICE.kind(), metadata, spec, null);
    }

    public Service withMetadata(ObjectMeta value) {
        return new Service(apiVersion, kind, value, spec, status);
    }

    public Service withSpec(ServiceSpec value) {
        return new Service(apiVersion, kind, metadata, value, status);
    }

    public Service withStatus(ServiceStatus value) {
        return new Service(apiVersion, kind, metadata, spec, value);
    }
}

package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative ApiServerSource: sends an event for every add, update and delete of the resources it watches. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiServerSource(String apiVersion, String kind, ObjectMeta metadata, ApiServerSourceSpec spec,
        SourceStatus status) implements HasMetadata {

    /** Events carry a reference to the changed object. */
    public static final String REFERENCE_MODE = "Reference";
    /** Events carry the whole changed object. */
    public static final String RESOURCE_MODE = "Resource";

    public ApiServerSource withSpec(ApiServerSourceSpec value) {
        return new ApiServerSource(apiVersion, kind, metadata, value, status);
    }

    public ApiServerSource withStatus(SourceStatus value) {
        return new ApiServerSource(apiVersion, kind, metadata, spec, value);
    }

    /** A new ApiServerSource with the given metadata and spec and no status. */
    public static ApiServerSource of(ObjectMeta metadata, ApiServerSourceSpec spec) {
        return new ApiServerSource(ResourceTypes.API_SERVER_SOURCE.apiVersion(),
                ResourceTypes.API_SERVER_SOURCE.kind(), metadata, spec, null);
    }
}

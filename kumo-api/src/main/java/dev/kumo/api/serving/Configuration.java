package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Configuration: every change of its template stamps out a new Revision. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Configuration(String apiVersion, String kind, ObjectMeta metadata, ConfigurationSpec spec, ConfigurationStatus status)
        implements HasMetadata {

    /** A new Configuration with the given metadata and spec and no status. */
    public static Configuration of(ObjectMeta metadata, ConfigurationSpec spec) {
        return new Configuration(ResourceTypes.CONFIGURATION.apiVersion(), ResourceTypes.CONFIGURATION.kind(), metadata, spec, null);
    }

    public Configuration withMetadata(ObjectMeta value) {
        return new Configuration(apiVersion, kind, value, spec, status);
    }

    public Configuration withSpec(ConfigurationSpec value) {
        return new Configuration(apiVersion, kind, metadata, value, status);
    }

    public Configuration withStatus(ConfigurationStatus value) {
        return new Configuration(apiVersion, kind, metadata, spec, value);
    }
}

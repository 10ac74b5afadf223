package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative PingSource: sends a fixed event to its sink on a cron schedule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PingSource(String apiVersion, String kind, ObjectMeta metadata, PingSourceSpec spec,
        SourceStatus status) implements HasMetadata {

    /** The type of the events a PingSource sends. */
    public static final String EVENT_TYPE = "dev.knative.sources.ping";

    /** A new PingSource with the given metadata and spec and no status. */
    public static PingSource of(ObjectMeta metadata, PingSourceSpec spec) {
        return new PingSource(ResourceTypes.PING_SOURCE.apiVersion(), ResourceTypes.PING_SOURCE.kind(), metadata,
                spec, null);
    }

    /** The CloudEvents {@code source} of the events of the PingSource {@code name} in {@code namespace}. */
    public static String eventSource(String namespace, String name) {
        return "/apis/v1/namespaces/" + namespace + "/pingsources/" + name;
    }

    public PingSource withSpec(PingSourceSpec value) {
        return new PingSource(apiVersion, kind, metadata, value, status);
    }

    public PingSource withStatus(SourceStatus value) {
        return new PingSource(apiVersion, kind, metadata, spec, value);
    }
}

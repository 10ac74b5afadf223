package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Shipwright Build: how to turn a source into an image; BuildRuns run it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Build(String apiVersion, String kind, ObjectMeta metadata, BuildSpec spec, BuildStatus status)
        implements HasMetadata {

    /** A new Build with the given metadata and spec and no status. */
    public static Build of(ObjectMeta metadata, BuildSpec spec) {
        return new Build(ShipwrightTypes.BUILD.apiVersion(), ShipwrightTypes.BUILD.kind(), metadata, spec, null);
    }

    public Build withSpec(BuildSpec value) {
        return new Build(apiVersion, kind, metadata, value, status);
    }

    public Build withStatus(BuildStatus value) {
        return new Build(apiVersion, kind, metadata, spec, value);
    }
}

package dev.kumo.api.shipwright;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Shipwright BuildRun: one run of a Build (named, or embedded), ending Succeeded True or False. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BuildRun(String apiVersion, String kind, ObjectMeta metadata, BuildRunSpec spec, BuildRunStatus status)
        implements HasMetadata {

    /** A new BuildRun with the given metadata and spec and no status. */
    public static BuildRun of(ObjectMeta metadata, BuildRunSpec spec) {
        return new BuildRun(ShipwrightTypes.BUILD_RUN.apiVersion(), ShipwrightTypes.BUILD_RUN.kind(), metadata, spec,
                null);
    }

    public BuildRun withSpec(BuildRunSpec value) {
        return new BuildRun(apiVersion, kind, metadata, value, status);
    }

    public BuildRun withStatus(BuildRunStatus value) {
        return new BuildRun(apiVersion, kind, metadata, spec, value);
    }

    /** The status, empty when none was written yet. */
    public BuildRunStatus statusOrEmpty() {
        return status == null ? BuildRunStatus.EMPTY : status;
    }

    /** Whether the run ended (Succeeded True or False). */
    public boolean done() {
        return statusOrEmpty().succeeded().map(c -> c.isTrue() || c.isFalse()).orElse(false);
    }

    /** Whether the user asked to cancel it ({@code spec.state: BuildRunCanceled}). */
    public boolean cancelRequested() {
        return spec != null && BuildRunSpec.STATE_CANCELED.equals(spec.state());
    }
}

package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Revision: an immutable snapshot of code and configuration. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Revision(String apiVersion, String kind, ObjectMeta metadata, RevisionSpec spec, RevisionStatus status)
        implements HasMetadata {

    /** A new Revision with the given metadata and spec and no status. */
    public static Revision of(ObjectMeta metadata, RevisionSpec spec) {
        return new Revision(ResourceTypes.REVISION.apiVersion(), ResourceTypes.REVISION.kind(), metadata, spec, null);
    }

    public Revision withMetadata(ObjectMeta value) {
        return new Revision(apiVersion, kind, value, spec, status);
    }

    public Revision withSpec(RevisionSpec value) {
        return new Revision(apiVersion, kind, metadata, value, status);
    }

    public Revision withStatus(RevisionStatus value) {
        return new Revision(apiVersion, kind, metadata, spec, value);
    }
}

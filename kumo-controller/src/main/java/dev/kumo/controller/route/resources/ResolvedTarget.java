package dev.kumo.controller.route.resources;

import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.TrafficTarget;

/** A traffic target of a Route's spec and the ready Revision it resolved to. */
public record ResolvedTarget(TrafficTarget target, Revision revision) {

    public String revisionName() {
        return revision.metadata().name();
    }

    public long percent() {
        return target.percent() == null ? 0 : target.percent();
    }

    /** Whether the target follows its Configuration's latest ready Revision. */
    public boolean latestRevision() {
        return target.latestRevision() != null ? target.latestRevision() : target.pinnedRevision().isEmpty();
    }
}

package dev.kumo.serving;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.controller.events.EventRecorder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToIntFunction;

/**
 * The autoscaler's decisions as Events about the Revision: {@code ScaledFromZero}, {@code ScaledToZero}, or
 * {@code SuccessfulRescale} with the new size (the HorizontalPodAutoscaler's reason) — recorded, never written, on
 * the decision's path.
 */
final class ScalingEvents {

    private final EventRecorder events;
    private final ToIntFunction<RevisionId> desired;
    private final Map<RevisionId, Integer> last = new ConcurrentHashMap<>();

    ScalingEvents(EventRecorder events, ToIntFunction<RevisionId> desired) {
        this.events = events;
        this.desired = desired;
    }

    /** The desired count of {@code revision} changed. */
    void changed(RevisionId revision) {
        int now = desired.applyAsInt(revision);
        Integer before = last.put(revision, now);
        if (before != null && before == now) {
            return;
        }
        // The first decision (the initial scale) is not told; the first change told starts from it, unknown here.
        var about = EventRecorder.about(ResourceTypes.REVISION, revision.namespace(), revision.name());
        if (before != null && before == 0) {
            events.normal(about, "ScaledFromZero", "Scaled from zero to " + now);
        } else if (now == 0) {
            events.normal(about, "ScaledToZero", "Scaled to zero");
        } else {
            events.normal(about, "SuccessfulRescale", "New size: " + now);
        }
    }
}

package dev.kumo.api.serving.defaults;

import dev.kumo.api.serving.TrafficTarget;
import java.util.List;

/** Knative's traffic defaults: a Service's implicit 100% to the latest Revision, and each target's flags. */
public final class TrafficDefaults {

    /** The share a Service sends to its latest ready Revision when it names no traffic. */
    public static final long SERVICE_DEFAULT_PERCENT = 100;

    private TrafficDefaults() {
    }

    /** Defaults a Service's traffic: empty means all of it to the latest Revision. */
    public static List<TrafficTarget> forService(List<TrafficTarget> traffic) {
        if (traffic == null || traffic.isEmpty()) {
            return List.of(TrafficTarget.latest(SERVICE_DEFAULT_PERCENT));
        }
        return forRoute(traffic);
    }

    /** Defaults each target: {@code latestRevision} is true iff no Revision is pinned; a missing percent is 0. */
    public static List<TrafficTarget> forRoute(List<TrafficTarget> traffic) {
        if (traffic == null) {
            return null;
        }
        return traffic.stream().map(TrafficDefaults::target).toList();
    }

    private static TrafficTarget target(TrafficTarget target) {
        TrafficTarget defaulted = target;
        if (defaulted.latestRevision() == null) {
            defaulted = defaulted.withLatestRevision(defaulted.pinnedRevision().isEmpty());
        }
        if (defaulted.percent() == null) {
            defaulted = defaulted.withPercent(0L);
        }
        return defaulted;
    }
}

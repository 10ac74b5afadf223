package dev.kumo.runtime.podman;

import java.time.Duration;
import java.util.Objects;

/**
 * How many warm pods the container runtime keeps (made ahead of demand: pod running, workload container created):
 * at most {@code perRevision} for one Revision and {@code total} in all; a Revision's warm pods not asked for again
 * within {@code idleExpiry} are removed (a Revision that was deleted, or no longer scales from zero). Zero turns the
 * pool off.
 */
public record WarmPoolLimits(int perRevision, int total, Duration idleExpiry) {

    /** One per Revision, 16 in all, removed 30 minutes after the last ask (the controllers resync every 10). */
    public static final WarmPoolLimits DEFAULTS = new WarmPoolLimits(1, 16, Duration.ofMinutes(30));

    /** No warm pods: every start makes its pod. */
    public static final WarmPoolLimits OFF = new WarmPoolLimits(0, 0, Duration.ofMinutes(30));

    public WarmPoolLimits {
        Objects.requireNonNull(idleExpiry, "idleExpiry");
        if (perRevision < 0 || total < 0 || idleExpiry.isNegative() || idleExpiry.isZero()) {
            throw new IllegalArgumentException("warm pool limits must not be negative and idleExpiry must be "
                    + "positive, got perRevision " + perRevision + ", total " + total + ", idleExpiry " + idleExpiry);
        }
    }
}

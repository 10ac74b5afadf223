package dev.kumo.runtime.podman;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The instances started in warm pods that are still starting, which hold back the making of warm pods (of any
 * Revision: making one takes podman, netavark and runc a few hundred milliseconds of CPU those starts would share).
 * An instance holds from when its pod was taken until it is past starting, or for {@code limit} at most (a start
 * that never ends, an instance never reported). Not thread-safe: its owner's lock guards it.
 */
final class StartingHold {

    private final Duration limit;
    private final Map<String, Instant> starting = new HashMap<>();

    StartingHold(Duration limit) {
        this.limit = limit;
    }

    /** Instance {@code instanceId} took a warm pod at {@code at} and starts in it. */
    void taken(String instanceId, Instant at) {
        starting.put(instanceId, at);
    }

    /** Instance {@code instanceId} is past starting; false if it held nothing (not started in a warm pod). */
    boolean started(String instanceId) {
        return starting.remove(instanceId) != null;
    }

    /** Whether nothing holds the making back at {@code now}; forgets the holds past the limit. */
    boolean quiet(Instant now) {
        Instant heldFrom = now.minus(limit);
        starting.values().removeIf(taken -> !taken.isAfter(heldFrom));
        return starting.isEmpty();
    }
}

package dev.kumo.serving;

import dev.kumo.dataplane.api.ColdStart;
import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import dev.kumo.runtime.spi.InstanceState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Splits a cold start into the workload's own start (exec → ready, known to the runtime) and the platform's share
 * (the rest). The share is the cold start less the start of the instance that served it, found by its address; when
 * that instance is no longer known (it stopped before the response began), the most recent start of the revision
 * stands in. The share is floored at zero: an instance launched before the request arrived (by earlier demand or
 * initial scale) starts partly outside the cold start.
 */
final class ColdStartSplit {

    private record Started(RevisionId revision, InstanceAddress address, Instant runStartedAt, Duration startup) {
    }

    private final Map<String, Started> byInstance = new ConcurrentHashMap<>();
    private final Map<InstanceAddress, Duration> byAddress = new ConcurrentHashMap<>();
    private final Map<RevisionId, Duration> latest = new ConcurrentHashMap<>();

    /**
     * An instance of {@code revision} changed to {@code state}: answers its workload start when this is the first
     * time its current run is ready (a run that loses and regains readiness counts once).
     */
    Optional<Duration> changed(RevisionId revision, String instanceId, InstanceState state) {
        if (state.terminal()) {
            Started gone = byInstance.remove(instanceId);
            if (gone != null) {
                byAddress.remove(gone.address(), gone.startup());
            }
            return Optional.empty();
        }
        if (!(state instanceof InstanceState.Ready ready)) {
            return Optional.empty();
        }
        Started before = byInstance.get(instanceId);
        if (before != null && before.runStartedAt().equals(ready.startedAt())) {
            return Optional.empty();
        }
        InstanceAddress address = ready.address();
        byInstance.put(instanceId, new Started(revision, address, ready.startedAt(), ready.startup()));
        byAddress.put(address, ready.startup());
        latest.put(revision, ready.startup());
        return Optional.of(ready.startup());
    }

    /** The platform's share of {@code coldStart}, empty when no instance of its revision was seen ready. */
    Optional<Duration> platformShare(ColdStart coldStart) {
        Duration startup = byAddress.get(coldStart.servedBy());
        if (startup == null) {
            startup = latest.get(coldStart.revision());
        }
        if (startup == null) {
            return Optional.empty();
        }
        Duration share = coldStart.duration().minus(startup);
        return Optional.of(share.isNegative() ? Duration.ZERO : share);
    }

    /** Forgets a revision that is no longer scaled. */
    void forget(RevisionId revision) {
        latest.remove(revision);
        byInstance.values().removeIf(started -> {
            if (started.revision().equals(revision)) {
                byAddress.remove(started.address(), started.startup());
                return true;
            }
            return false;
        });
    }
}

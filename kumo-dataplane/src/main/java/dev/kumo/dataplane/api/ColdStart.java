package dev.kumo.dataplane.api;

import dev.kumo.autoscaler.metrics.RevisionId;
import dev.kumo.runtime.spi.InstanceAddress;
import java.time.Duration;
import java.util.Objects;

/**
 * One cold start as the router saw it: a request arrived at {@code revision} while it had no ready instance and the
 * instance at {@code servedBy} sent its response head {@code duration} after that arrival.
 */
public record ColdStart(RevisionId revision, InstanceAddress servedBy, Duration duration) {

    public ColdStart {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(servedBy, "servedBy");
        Objects.requireNonNull(duration, "duration");
    }
}

package dev.kumo.runtime.spi;

import java.time.Instant;
import java.util.Objects;

/** The log a runtime keeps of an instance that stopped, until its retention drops it. */
public record StoppedLog(RevisionRef revision, String instanceId, Instant stoppedAt, InstanceLogs logs) {

    public StoppedLog {
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(stoppedAt, "stoppedAt");
        Objects.requireNonNull(logs, "logs");
    }
}

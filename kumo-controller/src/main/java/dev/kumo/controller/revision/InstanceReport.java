package dev.kumo.controller.revision;

import java.util.Objects;

/** What a runtime reports about one Revision's instances: how many there are and how they are doing. */
public record InstanceReport(Replicas replicas, InstanceState state) {

    public InstanceReport {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(state, "state");
    }
}

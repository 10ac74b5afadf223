package dev.kumo.controller.revision;

import java.util.Objects;
import java.util.Optional;

/**
 * What a runtime reports about one Revision's instances: how many there are, how they are doing, and how their
 * resource limits are enforced (empty when none is set).
 */
public record InstanceReport(Replicas replicas, InstanceState state, Optional<String> limitsInForce) {

    public InstanceReport {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(limitsInForce, "limitsInForce");
    }

    /** A report of instances without resource limits. */
    public InstanceReport(Replicas replicas, InstanceState state) {
        this(replicas, state, Optional.empty());
    }
}

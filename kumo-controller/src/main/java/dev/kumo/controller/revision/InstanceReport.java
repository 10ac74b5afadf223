package dev.kumo.controller.revision;

import java.util.Objects;
import java.util.Optional;

/**
 * What a runtime reports about one Revision's instances: how many there are, how they are doing, how their resource
 * limits are enforced (empty when none is set), how many times they were restarted and how the latest of their runs
 * to end ended (Kubernetes' {@code restartCount} and {@code lastState.terminated}; empty when none ended).
 */
public record InstanceReport(Replicas replicas, InstanceState state, Optional<String> limitsInForce, int restarts,
        Optional<String> lastTermination) {

    public InstanceReport {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(limitsInForce, "limitsInForce");
        Objects.requireNonNull(lastTermination, "lastTermination");
    }

    /** A report of instances that were never restarted. */
    public InstanceReport(Replicas replicas, InstanceState state, Optional<String> limitsInForce) {
        this(replicas, state, limitsInForce, 0, Optional.empty());
    }

    /** A report of instances without resource limits that were never restarted. */
    public InstanceReport(Replicas replicas, InstanceState state) {
        this(replicas, state, Optional.empty());
    }
}

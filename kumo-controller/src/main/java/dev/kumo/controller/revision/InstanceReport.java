package dev.kumo.controller.revision;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a runtime reports about one Revision's instances: how many there are, how they are doing, how their resource
 * limits are enforced (empty when none is set), how many times they were restarted and how the latest of their runs
 * to end ended (Kubernetes' {@code restartCount} and {@code lastState.terminated}; empty when none ended), and the
 * sidecars that are not healthy (the serving container's health is {@code state}); {@code recheckAt}: when a
 * failure that may heal changes by itself (the image pull back-off's next step), empty for the reconciler's own
 * recheck.
 */
public record InstanceReport(Replicas replicas, InstanceState state, Optional<String> limitsInForce, int restarts,
        Optional<String> lastTermination, List<ContainerProblem> sidecarProblems, Optional<Instant> recheckAt) {

    public InstanceReport {
        Objects.requireNonNull(replicas, "replicas");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(limitsInForce, "limitsInForce");
        Objects.requireNonNull(lastTermination, "lastTermination");
        sidecarProblems = List.copyOf(sidecarProblems);
        Objects.requireNonNull(recheckAt, "recheckAt");
    }

    /** A report with nothing due at a set time. */
    public InstanceReport(Replicas replicas, InstanceState state, Optional<String> limitsInForce, int restarts,
            Optional<String> lastTermination, List<ContainerProblem> sidecarProblems) {
        this(replicas, state, limitsInForce, restarts, lastTermination, sidecarProblems, Optional.empty());
    }

    /** A report whose sidecars, if any, are healthy. */
    public InstanceReport(Replicas replicas, InstanceState state, Optional<String> limitsInForce, int restarts,
            Optional<String> lastTermination) {
        this(replicas, state, limitsInForce, restarts, lastTermination, List.of());
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

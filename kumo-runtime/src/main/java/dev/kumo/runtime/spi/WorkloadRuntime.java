package dev.kumo.runtime.spi;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs instances of revisions: the seam between the controller and processes, containers or pods. */
public interface WorkloadRuntime extends AutoCloseable {

    /** Why this runtime cannot run the spec, or empty if it can. */
    Optional<String> unsupported(WorkloadSpec spec);

    /** How this runtime enforces these resource limits, one sentence per limit; empty if none is set. */
    default Optional<String> limitsInForce(WorkloadLimits limits) {
        return limits.any() ? Optional.of("resources.limits: not enforced by this runtime") : Optional.empty();
    }

    /** Starts one instance; it begins {@link InstanceState.Starting} and is supervised until stopped. */
    Instance start(WorkloadSpec spec);

    /** Stops an instance (SIGTERM, grace period, then kill); completes with its final snapshot. */
    CompletableFuture<Instance> stop(String instanceId);

    /** The current snapshot of one instance; stopped instances are forgotten. */
    Optional<Instance> instance(String instanceId);

    /** Snapshots of all instances not yet stopped. */
    List<Instance> instances();

    /** Registers a listener for state changes of all instances. */
    Subscription watch(InstanceListener listener);

    /** The logs of an instance, also readable after it stopped while this runtime runs. */
    Optional<InstanceLogs> logs(String instanceId);

    /**
     * The logs kept of instances that stopped (those of a previous server on the same state directory too), oldest
     * stop first, until the runtime's retention drops them. Default: none.
     */
    default List<StoppedLog> stoppedLogs() {
        return List.of();
    }

    /**
     * A hint that {@code count} instances of {@code spec} may be wanted soon (a Revision that may scale from zero, the
     * next replica of a busy one): a runtime may get them ready to start (a warm pool). Default: nothing.
     */
    default void prepare(WorkloadSpec spec, int count) {
    }

    /**
     * The files of {@code revision}'s volume {@code volume} changed (an updated ConfigMap or Secret): running
     * instances should see the new content eventually, as Kubernetes updates mounted volumes. Default: nothing.
     */
    default void refreshFiles(RevisionRef revision, String volume, VolumeSpec.Files files) {
    }

    /**
     * What a running instance has used so far (its CPU time, its memory now), for metering instances without limits;
     * empty when the runtime cannot tell or the instance is gone. Default: empty. Must not block for long.
     */
    default Optional<ResourceSample> resources(String instanceId) {
        return Optional.empty();
    }

    /** Stops every instance and waits for them to be gone. */
    @Override
    void close();
}

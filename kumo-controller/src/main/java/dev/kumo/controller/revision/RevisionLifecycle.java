package dev.kumo.controller.revision;

import static dev.kumo.api.serving.lifecycle.RevisionConditions.ACTIVE;
import static dev.kumo.api.serving.lifecycle.RevisionConditions.CONTAINER_HEALTHY;
import static dev.kumo.api.serving.lifecycle.RevisionConditions.RESOURCES_AVAILABLE;
import static dev.kumo.api.serving.lifecycle.RevisionConditions.SET;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.autoscaling.GoDuration;
import dev.kumo.api.serving.ContainerStatus;
import dev.kumo.api.serving.RevisionStatus;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;

/**
 * A Revision's status being reconciled, changed only through named condition mutators. {@code Active} (whether
 * instances serve) is informational, as in Knative: it never decides Ready.
 */
final class RevisionLifecycle {

    static final String EXIT_CODE = "ExitCode";
    /** Kubernetes' reason for a container the kernel killed for going over its memory limit. */
    static final String OOM_KILLED = "OOMKilled";
    /** The status annotation saying how the Revision's resource limits are enforced on this host. */
    static final String LIMITS_IN_FORCE = "kumo.dev/limits-in-force";
    /** The status annotations counting the instances' restarts and saying how the latest run to end ended. */
    static final String RESTARTS = "kumo.dev/restarts";
    static final String LAST_TERMINATION = "kumo.dev/last-termination";
    /** Kubernetes' reason for a container restarted after crashing that crashed again. */
    static final String CRASH_LOOP_BACK_OFF = "CrashLoopBackOff";
    static final String DEPLOYING = "Deploying";
    /** Knative's reason when a container's image cannot be resolved to a digest. */
    static final String CONTAINER_MISSING = "ContainerMissing";
    /** Knative's reason when instances never became ready within the progress deadline. */
    static final String PROGRESS_DEADLINE_EXCEEDED = "ProgressDeadlineExceeded";
    /** Knative's Active reason and message while a Revision is scaled to zero. */
    static final String NO_TRAFFIC = "NoTraffic";
    static final String NO_TRAFFIC_MESSAGE = "The target is not receiving traffic.";

    /** Knative's Active reason and message once the progress deadline has passed without a ready instance. */
    static final String TIMED_OUT = "TimedOut";
    static final String TIMED_OUT_MESSAGE = "The target could not be activated.";

    private final RevisionStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private Integer actualReplicas;
    private Integer desiredReplicas;
    private Map<String, String> annotations;
    private List<ContainerStatus> containerStatuses;

    RevisionLifecycle(RevisionStatus current, InstantSource clock) {
        this.original = current == null ? RevisionStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.actualReplicas = original.actualReplicas();
        this.desiredReplicas = original.desiredReplicas();
        this.annotations = original.annotations();
        this.containerStatuses = original.containerStatuses();
    }

    /** Whether each of the Revision's {@code containers} has its status, so its images were resolved once. */
    boolean digestsResolved(int containers) {
        return containerStatuses != null && containerStatuses.size() == containers;
    }

    /** The images the Revision runs, resolved once: one status per container, with its digest where resolved. */
    void setContainerStatuses(List<ContainerStatus> value) {
        containerStatuses = List.copyOf(value);
    }

    /**
     * An image could not be resolved to a digest: Knative's ContainerMissing, "Unable to fetch image …" with what
     * the registry said. Nothing runs until it is resolved.
     */
    void markContainerMissing(String image, String message) {
        String text = "Unable to fetch image \"" + image + "\": " + message;
        conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, CONTAINER_MISSING, text, clock);
        markActiveUnknown(DEPLOYING, "");
    }

    /** Says in the status how the resource limits are enforced (cgroup, rlimit or not at all); none set, no note. */
    void setLimitsInForce(Optional<String> limitsInForce) {
        setAnnotation(LIMITS_IN_FORCE, limitsInForce);
    }

    /**
     * Records the instances' restarts and how the latest run to end ended, as a pod's {@code restartCount} and
     * {@code lastState.terminated}: kept while they serve again (ContainerHealthy stays True, as Knative's only looks
     * at a last termination while the deployment fails), so an OOM kill that did not crash-loop still shows.
     */
    void setRestarts(int restarts, Optional<String> lastTermination) {
        setAnnotation(RESTARTS, restarts > 0 ? Optional.of(String.valueOf(restarts)) : Optional.empty());
        setAnnotation(LAST_TERMINATION, lastTermination);
    }

    private void setAnnotation(String key, Optional<String> value) {
        Map<String, String> changed = new TreeMap<>(annotations == null ? Map.of() : annotations);
        value.ifPresentOrElse(text -> changed.put(key, text), () -> changed.remove(key));
        annotations = changed.isEmpty() && annotations == null ? null : changed;
    }

    /** actualReplicas counts the ready instances (Knative's actual scale), desiredReplicas the wanted ones. */
    void setReplicas(Replicas replicas) {
        actualReplicas = replicas.ready();
        desiredReplicas = replicas.desired();
    }

    void markDeploying() {
        conditions = SET.markUnknown(conditions, RESOURCES_AVAILABLE, DEPLOYING, "", clock);
        conditions = SET.markUnknown(conditions, CONTAINER_HEALTHY, DEPLOYING, "", clock);
        markActiveUnknown(DEPLOYING, "");
    }

    void markReady() {
        conditions = SET.markTrue(conditions, RESOURCES_AVAILABLE, clock);
        conditions = SET.markTrue(conditions, CONTAINER_HEALTHY, clock);
        conditions = SET.markTrue(conditions, ACTIVE, clock);
    }

    /**
     * No instance runs because none is wanted: Knative's Active=False NoTraffic. The Revision stays Ready (it was
     * deployed, or it starts at zero by initial-scale 0); a request wakes it through the activator.
     */
    void markScaledToZero() {
        conditions = SET.markTrue(conditions, RESOURCES_AVAILABLE, clock);
        conditions = SET.markTrue(conditions, CONTAINER_HEALTHY, clock);
        conditions = SET.markFalse(conditions, ACTIVE, NO_TRAFFIC, NO_TRAFFIC_MESSAGE, clock);
    }

    void markContainerExited(InstanceState.Exited exited) {
        String logs = String.join("\n", exited.lastLogLines()).strip();
        if (exited.oomKilled()) {
            conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, OOM_KILLED, "container was OOM-killed (exit "
                    + "code " + exited.exitCode() + "): it used more memory than resources.limits.memory allows; raise"
                    + " the limit or make it use less" + (logs.isEmpty() ? "; it logged nothing" : "; last log lines:\n"
                    + logs), clock);
        } else {
            conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, EXIT_CODE, "container exited with code "
                    + exited.exitCode() + (logs.isEmpty() ? " and logged nothing" : ": " + logs), clock);
        }
        markActiveUnknown(DEPLOYING, "");
    }

    /**
     * The container keeps crashing: Kubernetes' CrashLoopBackOff, with the exit code, the restart count, the
     * back-off as the kubelet words it, and the last lines the container logged.
     */
    void markCrashLoopBackOff(InstanceState.CrashLoopBackOff loop) {
        String logs = String.join("\n", loop.lastLogLines()).strip();
        String message = (loop.oomKilled() ? "container was OOMKilled (over resources.limits.memory), exit code "
                : "container exited with code ") + loop.exitCode() + " after " + loop.restarts()
                + (loop.restarts() == 1 ? " restart" : " restarts") + "; back-off " + GoDuration.text(loop.backOff())
                + " restarting failed container" + (logs.isEmpty() ? "; it logged nothing" : "; last log lines:\n"
                + logs);
        conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, CRASH_LOOP_BACK_OFF, message, clock);
        markActiveUnknown(DEPLOYING, "");
    }

    /**
     * The serving container serves but a sidecar fails (Knative's multi-container Revisions): ContainerHealthy=False
     * with the kubelet's reason and a message naming the container, so Ready is False as in Knative.
     */
    void markSidecarUnhealthy(ContainerProblem problem) {
        conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, problem.reason(), "container " + problem.container()
                + ": " + problem.message(), clock);
    }

    /** The instances cannot be started at all: the container is unhealthy and nothing is active. */
    void markCannotStart(String reason, String message) {
        conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, reason, message, clock);
        conditions = SET.markFalse(conditions, ACTIVE, reason, message, clock);
    }

    /**
     * No instance became ready within the deadline: Knative's "Initial scale was never achieved", said with what a
     * person needs to fix it (the last readiness probe failure and the last lines the container logged).
     */
    void markProgressDeadlineExceeded(ProgressDeadline deadline, Optional<String> lastProbeFailure,
            List<String> lastLogLines) {
        String logs = String.join("\n", lastLogLines).strip();
        String message = "Initial scale was never achieved: the container did not become ready within "
                + deadline.text() + " (" + ProgressDeadline.ANNOTATION + ")"
                + lastProbeFailure.map(failure -> "; last readiness probe: " + failure).orElse("")
                + (logs.isEmpty() ? "; it logged nothing" : "; last log lines:\n" + logs);
        conditions = SET.markFalse(conditions, RESOURCES_AVAILABLE, PROGRESS_DEADLINE_EXCEEDED, message, clock);
        conditions = SET.markUnknown(conditions, CONTAINER_HEALTHY, DEPLOYING, "", clock);
        conditions = SET.markFalse(conditions, ACTIVE, TIMED_OUT, TIMED_OUT_MESSAGE, clock);
    }

    private void markActiveUnknown(String reason, String message) {
        conditions = SET.markUnknown(conditions, ACTIVE, reason, message, clock);
    }

    RevisionStatus toStatus(long generation) {
        return original.toBuilder().observedGeneration(generation).conditions(conditions).annotations(annotations)
                .containerStatuses(containerStatuses).actualReplicas(actualReplicas).desiredReplicas(desiredReplicas).build();
    }
}

package dev.kumo.controller.revision;

import static dev.kumo.api.serving.lifecycle.RevisionConditions.CONTAINER_HEALTHY;
import static dev.kumo.api.serving.lifecycle.RevisionConditions.RESOURCES_AVAILABLE;
import static dev.kumo.api.serving.lifecycle.RevisionConditions.SET;

import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.RevisionStatus;
import java.time.InstantSource;
import java.util.List;

/** A Revision's status being reconciled, changed only through named condition mutators. */
final class RevisionLifecycle {

    static final String EXIT_CODE = "ExitCode";
    static final String DEPLOYING = "Deploying";

    private final RevisionStatus original;
    private final InstantSource clock;
    private List<Condition> conditions;
    private Integer actualReplicas;

    RevisionLifecycle(RevisionStatus current, InstantSource clock) {
        this.original = current == null ? RevisionStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(original.conditions(), clock);
        this.actualReplicas = original.actualReplicas();
    }

    void markDeploying() {
        conditions = SET.markUnknown(conditions, RESOURCES_AVAILABLE, DEPLOYING, "", clock);
        conditions = SET.markUnknown(conditions, CONTAINER_HEALTHY, DEPLOYING, "", clock);
        actualReplicas = 0;
    }

    void markReady(int replicas) {
        conditions = SET.markTrue(conditions, RESOURCES_AVAILABLE, clock);
        conditions = SET.markTrue(conditions, CONTAINER_HEALTHY, clock);
        actualReplicas = replicas;
    }

    void markContainerExited(int exitCode, List<String> lastLogLines) {
        String logs = String.join("\n", lastLogLines).strip();
        markContainerHealthyFalse(EXIT_CODE, "container exited with code " + exitCode
                + (logs.isEmpty() ? " and logged nothing" : ": " + logs));
    }

    void markContainerHealthyFalse(String reason, String message) {
        conditions = SET.markFalse(conditions, CONTAINER_HEALTHY, reason, message, clock);
        actualReplicas = 0;
    }

    RevisionStatus toStatus(long generation) {
        return new RevisionStatus(generation, conditions, original.annotations(), original.logUrl(),
                original.containerStatuses(), original.initContainerStatuses(), actualReplicas,
                original.desiredReplicas());
    }
}

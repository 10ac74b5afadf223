package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** What a Revision's reconciler observed: conditions, replica counts, log URL and resolved image digests. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionStatus(
        Long observedGeneration,
        List<Condition> conditions,
        Map<String, String> annotations,
        String logUrl,
        List<ContainerStatus> containerStatuses,
        List<ContainerStatus> initContainerStatuses,
        Integer actualReplicas,
        Integer desiredReplicas) {

    public static final RevisionStatus EMPTY = builder().build();

    public static RevisionStatusBuilder builder() {
        return new RevisionStatusBuilder();
    }

    /** A builder holding this status's fields. */
    public RevisionStatusBuilder toBuilder() {
        return new RevisionStatusBuilder().observedGeneration(observedGeneration).conditions(conditions)
                .annotations(annotations).logUrl(logUrl).containerStatuses(containerStatuses)
                .initContainerStatuses(initContainerStatuses).actualReplicas(actualReplicas)
                .desiredReplicas(desiredReplicas);
    }

    /** This status with conditions and the generation they were computed for, which are always written together. */
    public RevisionStatus withConditions(long generation, List<Condition> value) {
        return toBuilder().observedGeneration(generation).conditions(value).build();
    }
}

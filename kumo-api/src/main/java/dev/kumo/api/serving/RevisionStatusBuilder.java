package dev.kumo.api.serving;

import dev.kumo.api.meta.Condition;
import java.util.List;
import java.util.Map;

/** Builds a {@link RevisionStatus}; every field starts unset. */
public final class RevisionStatusBuilder {

    private Long observedGeneration;
    private List<Condition> conditions;
    private Map<String, String> annotations;
    private String logUrl;
    private List<ContainerStatus> containerStatuses;
    private List<ContainerStatus> initContainerStatuses;
    private Integer actualReplicas;
    private Integer desiredReplicas;

    RevisionStatusBuilder() {
    }

    public RevisionStatusBuilder observedGeneration(Long value) { observedGeneration = value; return this; }

    public RevisionStatusBuilder conditions(List<Condition> value) { conditions = value; return this; }

    public RevisionStatusBuilder annotations(Map<String, String> value) { annotations = value; return this; }

    public RevisionStatusBuilder logUrl(String value) { logUrl = value; return this; }

    public RevisionStatusBuilder containerStatuses(List<ContainerStatus> value) {
        containerStatuses = value;
        return this;
    }

    public RevisionStatusBuilder initContainerStatuses(List<ContainerStatus> value) {
        initContainerStatuses = value;
        return this;
    }

    public RevisionStatusBuilder actualReplicas(Integer value) { actualReplicas = value; return this; }

    public RevisionStatusBuilder desiredReplicas(Integer value) { desiredReplicas = value; return this; }

    public RevisionStatus build() {
        return new RevisionStatus(observedGeneration, conditions, annotations, logUrl, containerStatuses,
                initContainerStatuses, actualReplicas, desiredReplicas);
    }
}

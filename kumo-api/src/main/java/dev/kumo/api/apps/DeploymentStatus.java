package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** A Deployment's status as Kubernetes' controller writes it, which {@code kubectl rollout status} reads. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentStatus(
        Long observedGeneration,
        Integer replicas,
        Integer updatedReplicas,
        Integer readyReplicas,
        Integer availableReplicas,
        Integer unavailableReplicas,
        List<DeploymentCondition> conditions) {

    /** A Deployment condition: Available or Progressing, with Kubernetes' reasons. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DeploymentCondition(String type, String status, String lastUpdateTime, String lastTransitionTime,
            String reason, String message) {
    }
}

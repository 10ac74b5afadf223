package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A ReplicaSet's counts: its instances, those ready, and those ready for {@code minReadySeconds} (available). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSetStatus(Integer replicas, Integer fullyLabeledReplicas, Integer readyReplicas,
        Integer availableReplicas, Long observedGeneration) {
}

package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.serving.RevisionTemplateSpec;

/**
 * What a Deployment wants: {@code replicas} of {@code template} (its metadata and a pod spec, as a Revision's), the
 * Pods it owns chosen by {@code selector}, replaced by {@code strategy}. {@code minReadySeconds},
 * {@code revisionHistoryLimit}, {@code paused} and {@code progressDeadlineSeconds} are kept as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeploymentSpec(
        Integer replicas,
        LabelSelectorSpec selector,
        RevisionTemplateSpec template,
        DeploymentStrategy strategy,
        Integer minReadySeconds,
        Integer revisionHistoryLimit,
        Boolean paused,
        Integer progressDeadlineSeconds) {

    public DeploymentSpec withReplicas(int value) {
        return new DeploymentSpec(value, selector, template, strategy, minReadySeconds, revisionHistoryLimit, paused,
                progressDeadlineSeconds);
    }

    /** The replicas wanted, 1 when not given (Kubernetes' default). */
    public int replicasOrDefault() {
        return replicas == null ? 1 : replicas;
    }
}

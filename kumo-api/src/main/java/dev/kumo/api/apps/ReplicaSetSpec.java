package dev.kumo.api.apps;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.serving.RevisionTemplateSpec;

/** What a ReplicaSet shows as wanted: {@code replicas} of {@code template}, its Pods chosen by {@code selector}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReplicaSetSpec(Integer replicas, Integer minReadySeconds, LabelSelectorSpec selector,
        RevisionTemplateSpec template) {
}

package dev.kumo.api.sources;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.api.serving.pod.Volume;
import java.util.List;
import java.util.Map;

/** Builds a {@link PodTemplate.Spec}; every field starts unset. */
public final class PodTemplateSpecBuilder {

    private List<Container> containers;
    private List<ObjectNode> initContainers;
    private List<Volume> volumes;
    private String serviceAccountName;
    private List<LocalObjectReference> imagePullSecrets;
    private Boolean enableServiceLinks;
    private Boolean automountServiceAccountToken;
    private Long terminationGracePeriodSeconds;
    private ObjectNode affinity;
    private Map<String, String> nodeSelector;
    private List<ObjectNode> tolerations;
    private ObjectNode securityContext;
    private String priorityClassName;
    private String runtimeClassName;

    PodTemplateSpecBuilder() {
    }

    public PodTemplateSpecBuilder containers(List<Container> value) { containers = value; return this; }

    public PodTemplateSpecBuilder initContainers(List<ObjectNode> value) { initContainers = value; return this; }

    public PodTemplateSpecBuilder volumes(List<Volume> value) { volumes = value; return this; }

    public PodTemplateSpecBuilder serviceAccountName(String value) { serviceAccountName = value; return this; }

    public PodTemplateSpecBuilder imagePullSecrets(List<LocalObjectReference> value) {
        imagePullSecrets = value;
        return this;
    }

    public PodTemplateSpecBuilder enableServiceLinks(Boolean value) { enableServiceLinks = value; return this; }

    public PodTemplateSpecBuilder automountServiceAccountToken(Boolean value) {
        automountServiceAccountToken = value;
        return this;
    }

    public PodTemplateSpecBuilder terminationGracePeriodSeconds(Long value) {
        terminationGracePeriodSeconds = value;
        return this;
    }

    public PodTemplateSpecBuilder affinity(ObjectNode value) { affinity = value; return this; }

    public PodTemplateSpecBuilder nodeSelector(Map<String, String> value) { nodeSelector = value; return this; }

    public PodTemplateSpecBuilder tolerations(List<ObjectNode> value) { tolerations = value; return this; }

    public PodTemplateSpecBuilder securityContext(ObjectNode value) { securityContext = value; return this; }

    public PodTemplateSpecBuilder priorityClassName(String value) { priorityClassName = value; return this; }

    public PodTemplateSpecBuilder runtimeClassName(String value) { runtimeClassName = value; return this; }

    public PodTemplate.Spec build() {
        return new PodTemplate.Spec(containers, initContainers, volumes, serviceAccountName, imagePullSecrets,
                enableServiceLinks, automountServiceAccountToken, terminationGracePeriodSeconds, affinity,
                nodeSelector, tolerations, securityContext, priorityClassName, runtimeClassName);
    }
}

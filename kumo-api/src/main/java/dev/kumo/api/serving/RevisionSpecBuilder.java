package dev.kumo.api.serving;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.api.serving.pod.Volume;
import java.util.List;
import java.util.Map;

/** Builds a {@link RevisionSpec}; every field starts unset. */
public final class RevisionSpecBuilder {

    private Long containerConcurrency;
    private Long timeoutSeconds;
    private Long responseStartTimeoutSeconds;
    private Long idleTimeoutSeconds;
    private List<Container> containers;
    private List<Volume> volumes;
    private String serviceAccountName;
    private List<LocalObjectReference> imagePullSecrets;
    private Boolean enableServiceLinks;
    private Boolean automountServiceAccountToken;
    private ObjectNode affinity;
    private Map<String, String> nodeSelector;
    private List<ObjectNode> tolerations;
    private String runtimeClassName;
    private ObjectNode securityContext;
    private List<ObjectNode> topologySpreadConstraints;
    private List<ObjectNode> hostAliases;
    private List<ObjectNode> initContainers;
    private String dnsPolicy;
    private ObjectNode dnsConfig;
    private Boolean hostIPC;
    private Boolean hostPID;
    private Boolean hostNetwork;
    private Boolean shareProcessNamespace;
    private String priorityClassName;
    private String schedulerName;

    RevisionSpecBuilder() {
    }

    public RevisionSpecBuilder containerConcurrency(Long v) { containerConcurrency = v; return this; }

    public RevisionSpecBuilder timeoutSeconds(Long v) { timeoutSeconds = v; return this; }

    public RevisionSpecBuilder responseStartTimeoutSeconds(Long v) { responseStartTimeoutSeconds = v; return this; }

    public RevisionSpecBuilder idleTimeoutSeconds(Long v) { idleTimeoutSeconds = v; return this; }

    public RevisionSpecBuilder containers(List<Container> v) { containers = v; return this; }

    public RevisionSpecBuilder volumes(List<Volume> v) { volumes = v; return this; }

    public RevisionSpecBuilder serviceAccountName(String v) { serviceAccountName = v; return this; }

    public RevisionSpecBuilder imagePullSecrets(List<LocalObjectReference> v) { imagePullSecrets = v; return this; }

    public RevisionSpecBuilder enableServiceLinks(Boolean v) { enableServiceLinks = v; return this; }

    public RevisionSpecBuilder automountServiceAccountToken(Boolean v) { automountServiceAccountToken = v; return this; }

    public RevisionSpecBuilder affinity(ObjectNode v) { affinity = v; return this; }

    public RevisionSpecBuilder nodeSelector(Map<String, String> v) { nodeSelector = v; return this; }

    public RevisionSpecBuilder tolerations(List<ObjectNode> v) { tolerations = v; return this; }

    public RevisionSpecBuilder runtimeClassName(String v) { runtimeClassName = v; return this; }

    public RevisionSpecBuilder securityContext(ObjectNode v) { securityContext = v; return this; }

    public RevisionSpecBuilder topologySpreadConstraints(List<ObjectNode> v) { topologySpreadConstraints = v; return this; }

    public RevisionSpecBuilder hostAliases(List<ObjectNode> v) { hostAliases = v; return this; }

    public RevisionSpecBuilder initContainers(List<ObjectNode> v) { initContainers = v; return this; }

    public RevisionSpecBuilder dnsPolicy(String v) { dnsPolicy = v; return this; }

    public RevisionSpecBuilder dnsConfig(ObjectNode v) { dnsConfig = v; return this; }

    public RevisionSpecBuilder hostIPC(Boolean v) { hostIPC = v; return this; }

    public RevisionSpecBuilder hostPID(Boolean v) { hostPID = v; return this; }

    public RevisionSpecBuilder hostNetwork(Boolean v) { hostNetwork = v; return this; }

    public RevisionSpecBuilder shareProcessNamespace(Boolean v) { shareProcessNamespace = v; return this; }

    public RevisionSpecBuilder priorityClassName(String v) { priorityClassName = v; return this; }

    public RevisionSpecBuilder schedulerName(String v) { schedulerName = v; return this; }

    public RevisionSpec build() {
        return new RevisionSpec(containerConcurrency, timeoutSeconds, responseStartTimeoutSeconds, idleTimeoutSeconds,
                containers, volumes, serviceAccountName, imagePullSecrets, enableServiceLinks,
                automountServiceAccountToken, affinity, nodeSelector, tolerations, runtimeClassName, securityContext,
                topologySpreadConstraints, hostAliases, initContainers, dnsPolicy, dnsConfig, hostIPC, hostPID,
                hostNetwork, shareProcessNamespace, priorityClassName, schedulerName);
    }
}

package dev.kumo.api.serving;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.api.serving.pod.Volume;
import java.util.List;
import java.util.Map;

/**
 * What a Revision runs: Knative's subset of the PodSpec plus the request limits. The pod-level fields Kumo does not
 * honour are kept as written. Build one with {@link #builder()} or change one with {@link #toBuilder()}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RevisionSpec(
        Long containerConcurrency,
        Long timeoutSeconds,
        Long responseStartTimeoutSeconds,
        Long idleTimeoutSeconds,
        List<Container> containers,
        List<Volume> volumes,
        String serviceAccountName,
        List<LocalObjectReference> imagePullSecrets,
        Boolean enableServiceLinks,
        Boolean automountServiceAccountToken,
        ObjectNode affinity,
        Map<String, String> nodeSelector,
        List<ObjectNode> tolerations,
        String runtimeClassName,
        ObjectNode securityContext,
        List<ObjectNode> topologySpreadConstraints,
        List<ObjectNode> hostAliases,
        List<ObjectNode> initContainers,
        String dnsPolicy,
        ObjectNode dnsConfig,
        Boolean hostIPC,
        Boolean hostPID,
        Boolean hostNetwork,
        Boolean shareProcessNamespace,
        String priorityClassName,
        String schedulerName) {

    public static RevisionSpecBuilder builder() {
        return new RevisionSpecBuilder();
    }

    /** A builder holding this spec's fields. */
    public RevisionSpecBuilder toBuilder() {
        return new RevisionSpecBuilder().containerConcurrency(containerConcurrency).timeoutSeconds(timeoutSeconds)
                .responseStartTimeoutSeconds(responseStartTimeoutSeconds).idleTimeoutSeconds(idleTimeoutSeconds)
                .containers(containers).volumes(volumes).serviceAccountName(serviceAccountName)
                .imagePullSecrets(imagePullSecrets).enableServiceLinks(enableServiceLinks)
                .automountServiceAccountToken(automountServiceAccountToken).affinity(affinity)
                .nodeSelector(nodeSelector).tolerations(tolerations).runtimeClassName(runtimeClassName)
                .securityContext(securityContext).topologySpreadConstraints(topologySpreadConstraints)
                .hostAliases(hostAliases).initContainers(initContainers).dnsPolicy(dnsPolicy).dnsConfig(dnsConfig)
                .hostIPC(hostIPC).hostPID(hostPID).hostNetwork(hostNetwork)
                .shareProcessNamespace(shareProcessNamespace).priorityClassName(priorityClassName)
                .schedulerName(schedulerName);
    }

    public List<Container> containersOrEmpty() {
        return containers == null ? List.of() : containers;
    }

    public List<Volume> volumesOrEmpty() {
        return volumes == null ? List.of() : volumes;
    }
}

package dev.kumo.api.sources;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.LocalObjectReference;
import dev.kumo.api.serving.pod.Volume;
import java.util.List;
import java.util.Map;

/**
 * A pod template ({@code corev1.PodTemplateSpec}) with the pod fields a ContainerSource may set. Containers use the
 * same schema as a Revision's (Kumo's process runtime runs them alike); scheduling fields are kept as written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PodTemplate(ObjectMeta metadata, Spec spec) {

    /**
     * The pod spec: containers and volumes, plus the pod-level fields Kumo keeps without acting on them. Build one
     * with {@link #builder()} or change one with {@link #toBuilder()}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Spec(
            List<Container> containers,
            List<ObjectNode> initContainers,
            List<Volume> volumes,
            String serviceAccountName,
            List<LocalObjectReference> imagePullSecrets,
            Boolean enableServiceLinks,
            Boolean automountServiceAccountToken,
            Long terminationGracePeriodSeconds,
            ObjectNode affinity,
            Map<String, String> nodeSelector,
            List<ObjectNode> tolerations,
            ObjectNode securityContext,
            String priorityClassName,
            String runtimeClassName) {

        public static PodTemplateSpecBuilder builder() {
            return new PodTemplateSpecBuilder();
        }

        /** A builder holding this spec's fields. */
        public PodTemplateSpecBuilder toBuilder() {
            return new PodTemplateSpecBuilder().containers(containers).initContainers(initContainers).volumes(volumes)
                    .serviceAccountName(serviceAccountName).imagePullSecrets(imagePullSecrets)
                    .enableServiceLinks(enableServiceLinks).automountServiceAccountToken(automountServiceAccountToken)
                    .terminationGracePeriodSeconds(terminationGracePeriodSeconds).affinity(affinity)
                    .nodeSelector(nodeSelector).tolerations(tolerations).securityContext(securityContext)
                    .priorityClassName(priorityClassName).runtimeClassName(runtimeClassName);
        }

        public List<Container> containersOrEmpty() {
            return containers == null ? List.of() : containers;
        }

        public Spec withContainers(List<Container> value) {
            return toBuilder().containers(value).build();
        }
    }

    public PodTemplate withSpec(Spec value) {
        return new PodTemplate(metadata, value);
    }
}

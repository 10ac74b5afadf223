package dev.kumo.serving;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.Quantities;
import dev.kumo.api.serving.pod.ResourceRequirements;
import dev.kumo.api.serving.pod.SecurityContext;
import dev.kumo.runtime.spi.RunAsSpec;
import dev.kumo.runtime.spi.WorkloadLimits;
import java.math.BigDecimal;
import java.util.OptionalLong;

/**
 * A container's {@code securityContext} user settings (the container's over the pod's, as Kubernetes merges them)
 * and its {@code resources.limits} memory and CPU, as the runtime takes them (for Revisions and ContainerSources).
 */
public final class ContainerSecurity {

    private ContainerSecurity() {
    }

    /** runAsUser, runAsGroup and runAsNonRoot, the container's winning over the pod's. */
    public static RunAsSpec runAs(ObjectNode pod, Container container) {
        SecurityContext own = container.securityContext();
        OptionalLong user = pick(own == null ? null : own.runAsUser(), pod, "runAsUser");
        OptionalLong group = pick(own == null ? null : own.runAsGroup(), pod, "runAsGroup");
        boolean nonRoot = own != null && own.runAsNonRoot() != null ? own.runAsNonRoot()
                : pod != null && pod.path("runAsNonRoot").asBoolean(false);
        return new RunAsSpec(user, group, nonRoot);
    }

    /** The memory (bytes) and CPU (millicores) limits; an IllegalArgumentException names a bad quantity. */
    public static WorkloadLimits limits(Container container, String path) {
        ResourceRequirements resources = container.resources();
        if (resources == null || resources.limits() == null) {
            return WorkloadLimits.NONE;
        }
        String at = path + ".resources.limits.";
        OptionalLong memory = quantity(resources.limits().get("memory"), at + "memory", BigDecimal.ONE);
        OptionalLong cpu = quantity(resources.limits().get("cpu"), at + "cpu", BigDecimal.valueOf(1000));
        return new WorkloadLimits(memory, cpu);
    }

    private static OptionalLong quantity(JsonNode value, String field, BigDecimal unitsPerWhole) {
        if (value == null || value.isNull()) {
            return OptionalLong.empty();
        }
        BigDecimal amount = Quantities.parse(value.asText(), field).multiply(unitsPerWhole);
        // A limit of 0 is no limit, as the kubelet passes it to the container runtime.
        return amount.signum() == 0 ? OptionalLong.empty() : OptionalLong.of(Quantities.ceil(amount, field));
    }

    private static OptionalLong pick(Long own, ObjectNode pod, String field) {
        if (own != null) {
            return OptionalLong.of(own);
        }
        return pod != null && pod.path(field).canConvertToLong() ? OptionalLong.of(pod.path(field).asLong())
                : OptionalLong.empty();
    }
}

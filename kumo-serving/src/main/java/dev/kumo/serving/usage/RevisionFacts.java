package dev.kumo.serving.usage;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.Revision;
import dev.kumo.runtime.spi.WorkloadLimits;
import dev.kumo.serving.ContainerSecurity;
import dev.kumo.store.ResourceStore;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What metering needs of a Revision, read from the store once and kept (a Revision's spec never changes): its
 * Service (the {@code serving.knative.dev/service} label; empty for a Configuration of its own) and its serving
 * container's limits. A Revision not found is asked again next time.
 */
final class RevisionFacts {

    private static final String SERVICE_LABEL = "serving.knative.dev/service";

    record Facts(String service, InstanceTimeline.Sizing sizing) {
    }

    private final ResourceStore store;
    private final Map<String, Facts> known = new ConcurrentHashMap<>();

    RevisionFacts(ResourceStore store) {
        this.store = store;
    }

    /** The facts of {@code namespace/revision}; not found: no Service, no limits. */
    Facts of(String namespace, String revision) {
        Facts facts = known.get(namespace + "/" + revision);
        if (facts != null) {
            return facts;
        }
        Optional<ObjectNode> stored = store.get(ResourceTypes.REVISION, namespace, revision);
        if (stored.isEmpty()) {
            return new Facts("", InstanceTimeline.Sizing.NONE);
        }
        Facts read = read(stored.get());
        known.put(namespace + "/" + revision, read);
        return read;
    }

    private static Facts read(ObjectNode stored) {
        String service = stored.path("metadata").path("labels").path(SERVICE_LABEL).asText("");
        try {
            Revision revision = TypedCodec.decode(stored, Revision.class).value();
            var container = revision.spec().containers().stream()
                    .filter(c -> c.ports() != null && !c.ports().isEmpty()).findFirst()
                    .orElse(revision.spec().containers().get(0));
            WorkloadLimits limits = ContainerSecurity.limits(container, "spec.containers[]");
            return new Facts(service, new InstanceTimeline.Sizing(
                    limits.memoryBytes().isPresent()
                            ? OptionalDouble.of(limits.memoryBytes().getAsLong() / (1024.0 * 1024 * 1024))
                            : OptionalDouble.empty(),
                    limits.cpuMillis().isPresent() ? OptionalDouble.of(limits.cpuMillis().getAsLong() / 1000.0)
                            : OptionalDouble.empty()));
        } catch (RuntimeException e) {
            // A Revision the runtime could not run either: metered by what is measured.
            return new Facts(service, InstanceTimeline.Sizing.NONE);
        }
    }
}

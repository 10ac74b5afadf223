package dev.kumo.serving.usage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.serving.pod.Quantities;
import dev.kumo.store.ResourceStore;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What metering needs of a Revision, read from the store once and kept (a Revision's spec never changes): its
 * Service (the {@code serving.knative.dev/service} label; empty for a Configuration of its own) and its serving
 * container's limits (the container with a port, else the first, as Knative picks it). A Revision not found is
 * asked again next time.
 */
final class RevisionFacts {

    private static final String SERVICE_LABEL = "serving.knative.dev/service";
    private static final BigDecimal GIB = BigDecimal.valueOf(1024L * 1024 * 1024);

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

    private static Facts read(ObjectNode revision) {
        String service = revision.path("metadata").path("labels").path(SERVICE_LABEL).asText("");
        JsonNode containers = revision.path("spec").path("containers");
        JsonNode serving = containers.path(0);
        for (JsonNode container : containers) {
            if (!container.path("ports").isEmpty()) {
                serving = container;
                break;
            }
        }
        JsonNode limits = serving.path("resources").path("limits");
        return new Facts(service, new InstanceTimeline.Sizing(quantity(limits.path("memory"), GIB),
                quantity(limits.path("cpu"), BigDecimal.ONE)));
    }

    /** A quantity in {@code unit}s; empty when missing, 0 (no limit, as the kubelet takes it) or unreadable. */
    private static OptionalDouble quantity(JsonNode value, BigDecimal unit) {
        if (!value.isTextual() && !value.isNumber()) {
            return OptionalDouble.empty();
        }
        try {
            double amount = Quantities.parse(value.asText(), "resources.limits").divide(unit,
                    MathContext.DECIMAL64).doubleValue();
            return amount > 0 ? OptionalDouble.of(amount) : OptionalDouble.empty();
        } catch (RuntimeException e) {
            // Admission refuses a bad quantity: only an old object could carry one. Metered as measured, then.
            return OptionalDouble.empty();
        }
    }
}

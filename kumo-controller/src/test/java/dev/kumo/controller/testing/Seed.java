package dev.kumo.controller.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Map;

/**
 * Puts a table row's initial objects into a real store, in order: owner references without a uid get the uid of
 * the owner stored before them, a {@code metadata.generation} above 1 is reached by real spec updates, and a
 * status is written through the status subresource.
 */
public final class Seed {

    private static final Map<String, ResourceType> TYPES = Map.ofEntries(
            Map.entry("Service", ResourceTypes.SERVICE), Map.entry("Configuration", ResourceTypes.CONFIGURATION),
            Map.entry("Revision", ResourceTypes.REVISION), Map.entry("Route", ResourceTypes.ROUTE),
            Map.entry("DomainMapping", ResourceTypes.DOMAIN_MAPPING),
            Map.entry("Broker", ResourceTypes.BROKER), Map.entry("Trigger", ResourceTypes.TRIGGER),
            Map.entry("EventType", ResourceTypes.EVENT_TYPE),
            Map.entry("PingSource", ResourceTypes.PING_SOURCE),
            Map.entry("ApiServerSource", ResourceTypes.API_SERVER_SOURCE),
            Map.entry("SinkBinding", ResourceTypes.SINK_BINDING),
            Map.entry("ContainerSource", ResourceTypes.CONTAINER_SOURCE));

    private Seed() {
    }

    public static void load(ResourceStore store, List<? extends HasMetadata> objects) {
        objects.forEach(object -> load(store, object));
    }

    public static ResourceType type(String kind) {
        return TYPES.get(kind);
    }

    private static void load(ResourceStore store, HasMetadata object) {
        ResourceType type = TYPES.get(object.kind());
        ObjectNode tree = Json.toTree(object);
        ObjectNode metadata = (ObjectNode) tree.get("metadata");
        String namespace = metadata.path("namespace").asText();
        for (JsonNode reference : metadata.path("ownerReferences")) {
            if (reference.path("uid").asText("").isEmpty()) {
                ObjectNode owner = store.get(TYPES.get(reference.path("kind").asText()), namespace,
                        reference.path("name").asText()).orElseThrow(() -> new IllegalStateException(
                                "seed the owner " + reference + " before its dependents"));
                ((ObjectNode) reference).put("uid", owner.path("metadata").path("uid").asText());
            }
        }
        long generation = metadata.path("generation").asLong(1);
        metadata.remove("generation");
        JsonNode status = tree.remove("status");
        JsonNode spec = tree.path("spec").deepCopy();
        ObjectNode stored = store.create(type, marked(tree, spec, generation > 1 ? 1 : 0));
        for (long marker = 2; marker <= generation; marker++) {
            ObjectNode next = marked(stored, spec, marker < generation ? marker : 0);
            stored = store.update(type, next);
        }
        if (status != null) {
            stored.set("status", status);
            store.updateStatus(type, stored);
        }
    }

    /** The object with {@code spec}, plus a throw-away field when {@code marker} is not 0 (to bump generation). */
    private static ObjectNode marked(ObjectNode object, JsonNode spec, long marker) {
        ObjectNode copy = object.deepCopy();
        ObjectNode newSpec = spec.isObject() ? ((ObjectNode) spec).deepCopy() : Json.object();
        if (marker != 0) {
            newSpec.put("seedGeneration", marker);
        }
        copy.set("spec", newSpec);
        return copy;
    }
}

package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.store.ResourceStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code scale} subresource ({@code autoscaling/v1} Scale) of the kinds that declare it (a Deployment):
 * {@code spec.replicas} read, replaced or patched ({@code kubectl scale}); the object is updated through admission
 * like any write, and the Scale of the result answered.
 */
final class ScaleSubresource {

    /** The subresource's name, as kinds declare it. */
    static final String NAME = "scale";

    private final ResourceStore store;
    private final Writes writes;

    ScaleSubresource(ResourceStore store, Writes writes) {
        this.store = store;
        this.writes = writes;
    }

    Reply serve(ApiRequest request, Target target) {
        ObjectNode existing = existing(target);
        JsonNode wanted = switch (request.method()) {
            case "GET" -> null;
            case "PUT" -> RequestBodies.object(request);
            case "PATCH" -> Patches.patched(request.contentType(), scale(existing), RequestBodies.json(request));
            default -> throw ApiHandler.methodNotAllowed(request.method());
        };
        if (wanted == null) {
            return Reply.Body.json(200, scale(existing));
        }
        JsonNode replicas = wanted.path("spec").path("replicas");
        if (!replicas.canConvertToInt() || replicas.intValue() < 0) {
            throw ApiException.badRequest("Scale.spec.replicas: Invalid value: " + replicas + ": must be an integer "
                    + "greater than or equal to 0, such as kubectl scale --replicas=3");
        }
        ObjectNode changed = existing.deepCopy();
        changed.withObjectProperty("spec").put("replicas", replicas.intValue());
        writes.update(request, target, changed, existing);
        return Reply.Body.json(200, scale(existing(target)));
    }

    private ObjectNode existing(Target target) {
        return store.get(target.type(), target.namespaceOrEmpty(), target.requireName())
                .orElseThrow(() -> ApiException.notFound(target.type().storageKey(), target.requireName()));
    }

    /** The Scale of {@code object}: its replicas wanted and running, and its selector as a label query. */
    static ObjectNode scale(ObjectNode object) {
        ObjectNode scale = Json.object().put("apiVersion", "autoscaling/v1").put("kind", "Scale");
        ObjectNode metadata = scale.putObject("metadata");
        for (String field : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (object.path("metadata").hasNonNull(field)) {
                metadata.set(field, object.path("metadata").get(field));
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(1));
        List<String> selector = new ArrayList<>();
        object.path("spec").path("selector").path("matchLabels").properties()
                .forEach(label -> selector.add(label.getKey() + "=" + label.getValue().asText()));
        scale.putObject("status").put("replicas", object.path("status").path("replicas").asInt(0))
                .put("selector", String.join(",", selector));
        return scale;
    }
}

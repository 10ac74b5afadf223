package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.CompatibilityFlags;
import com.flipkart.zjsonpatch.JsonPatch;
import com.flipkart.zjsonpatch.JsonPatchApplicationException;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.store.ResourceStore;
import java.util.Optional;

/**
 * PATCH: JSON merge patch, JSON patch, strategic merge patch ({@link StrategicMergePatch}: the core types' keyed
 * lists merge by key) and server-side apply (an upsert that merges the applied fields; field ownership is not
 * tracked).
 * A patch that does not pin a resourceVersion is retried when a concurrent write gets in between.
 */
final class Patches {

    private static final int ATTEMPTS = 5;
    private static final java.util.Set<String> PATCH_TYPES = java.util.Set.of("application/merge-patch+json",
            "application/strategic-merge-patch+json", "application/apply-patch+yaml", "application/json-patch+json");

    private final ResourceStore store;
    private final Writes writes;

    Patches(ResourceStore store, Writes writes) {
        this.store = store;
        this.writes = writes;
    }

    Reply patch(ApiRequest request, Target target) {
        String contentType = request.contentType();
        boolean apply = contentType.equals("application/apply-patch+yaml");
        if (!PATCH_TYPES.contains(contentType)) {
            throw RequestBodies.unsupported(contentType);
        }
        JsonNode patch = apply ? RequestBodies.object(request) : RequestBodies.json(request);
        for (int attempt = 1; ; attempt++) {
            Optional<ObjectNode> existing = store.get(target.type(), target.namespaceOrEmpty(), target.requireName());
            if (existing.isEmpty()) {
                if (apply && !target.isStatus()) {
                    return applyCreate(request, target, (ObjectNode) patch);
                }
                throw ApiException.notFound(target.type().storageKey(), target.requireName());
            }
            ObjectNode patched = patched(contentType, existing.get(), patch);
            String name = patched.path("metadata").path("name").asText("");
            if (!name.equals(target.requireName())) {
                throw ApiException.badRequest("the name of the object (" + name
                        + ") does not match the name on the URL (" + target.requireName() + ")");
            }
            boolean pinned = !patch.path("metadata").path("resourceVersion").asText("").isEmpty();
            try {
                if (target.isStatus()) {
                    return Reply.Body.json(200, store.updateStatus(target.type(), patched));
                }
                return writes.update(request, target, patched, existing.get());
            } catch (ApiException e) {
                if (e.reason() != StatusReason.Conflict || pinned || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private Reply applyCreate(ApiRequest request, Target target, ObjectNode applied) {
        ObjectNode object = applied.deepCopy();
        Writes.placeInNamespace(object, target);
        if (object.path("metadata").path("name").asText("").isEmpty()) {
            object.withObjectProperty("metadata").put("name", target.requireName());
        }
        return writes.create(request, target, object);
    }

    static ObjectNode patched(String contentType, ObjectNode existing, JsonNode patch) {
        JsonNode result = switch (contentType) {
            case "application/strategic-merge-patch+json" -> {
                if (!patch.isObject()) {
                    throw ApiException.badRequest("a strategic merge patch must be a JSON object");
                }
                yield StrategicMergePatch.apply(existing, patch);
            }
            case "application/merge-patch+json", "application/apply-patch+yaml" -> {
                if (!patch.isObject()) {
                    throw ApiException.badRequest("a merge patch must be a JSON object");
                }
                yield MergePatch.apply(existing, patch);
            }
            case "application/json-patch+json" -> {
                if (!patch.isArray()) {
                    throw ApiException.badRequest("a JSON patch must be an array of operations");
                }
                try {
                    yield JsonPatch.apply(patch, existing, java.util.EnumSet.noneOf(CompatibilityFlags.class));
                } catch (JsonPatchApplicationException | IllegalArgumentException e) {
                    throw ApiException.badRequest("the JSON patch cannot be applied: " + e.getMessage());
                }
            }
            default -> throw RequestBodies.unsupported(contentType);
        };
        if (!(result instanceof ObjectNode object)) {
            throw ApiException.badRequest("the patch must leave an object");
        }
        return object;
    }
}

package dev.kumo.controller.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** Which keys of a controller a changed object concerns. */
@FunctionalInterface
public interface KeyMapper {

    List<NamespacedName> keys(ObjectNode object);

    /** The object's own key: for a controller's primary kind. */
    static KeyMapper self() {
        return object -> List.of(NamespacedName.of(object));
    }

    /** The key of the object's controlling owner of kind {@code owner} (ownerReference with controller=true). */
    static KeyMapper controllerOwner(ResourceType owner) {
        return object -> {
            List<NamespacedName> keys = new ArrayList<>();
            String namespace = object.path("metadata").path("namespace").asText("");
            for (JsonNode reference : object.path("metadata").path("ownerReferences")) {
                if (reference.path("controller").asBoolean(false)
                        && owner.kind().equals(reference.path("kind").asText())
                        && owner.apiVersion().equals(reference.path("apiVersion").asText())) {
                    keys.add(new NamespacedName(namespace, reference.path("name").asText()));
                }
            }
            return keys;
        };
    }
}

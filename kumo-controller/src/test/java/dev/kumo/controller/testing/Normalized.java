package dev.kumo.controller.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.Iterator;
import java.util.Map;

/**
 * Objects reduced to what reconciler tables compare: kind, name, namespace, labels (uid labels blanked),
 * annotations, owner references without uid, and spec; statuses without lastTransitionTime.
 */
public final class Normalized {

    private Normalized() {
    }

    public static ObjectNode object(Object value) {
        ObjectNode tree = (ObjectNode) reparsed(value);
        ObjectNode result = Json.object();
        result.put("kind", tree.path("kind").asText());
        ObjectNode metadata = result.putObject("metadata");
        JsonNode source = tree.path("metadata");
        metadata.put("namespace", source.path("namespace").asText());
        metadata.put("name", source.path("name").asText());
        if (source.has("labels")) {
            ObjectNode labels = source.get("labels").deepCopy();
            for (Iterator<Map.Entry<String, JsonNode>> it = labels.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> label = it.next();
                if (label.getKey().endsWith("UID")) {
                    label.setValue(Json.mapper().getNodeFactory().textNode("<uid>"));
                }
            }
            metadata.set("labels", labels);
        }
        if (source.has("annotations")) {
            metadata.set("annotations", source.get("annotations"));
        }
        for (JsonNode reference : source.path("ownerReferences")) {
            ObjectNode copy = reference.deepCopy();
            copy.remove("uid");
            metadata.withArray("ownerReferences").add(copy);
        }
        result.set("spec", tree.path("spec"));
        return result;
    }

    public static JsonNode status(Object status) {
        JsonNode tree = reparsed(status);
        for (JsonNode condition : tree.path("conditions")) {
            ((ObjectNode) condition).remove("lastTransitionTime");
        }
        return tree;
    }

    /** Through text, so that numbers compare by value (an int read back equals the long written). */
    private static JsonNode reparsed(Object value) {
        try {
            return Json.mapper().readTree(Json.write(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

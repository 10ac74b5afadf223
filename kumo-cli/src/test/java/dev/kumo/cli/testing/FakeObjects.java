package dev.kumo.cli.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/** The object semantics the fake server keeps: JSON merge patch (RFC 7386) and label-selector matching. */
final class FakeObjects {

    private FakeObjects() {
    }

    /** Applies a merge patch to a target in place: objects merge, null removes, anything else replaces. */
    static void mergePatch(ObjectNode target, JsonNode patch) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.properties().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            if (value.isNull()) {
                target.remove(field.getKey());
            } else if (value.isObject() && target.get(field.getKey()) instanceof ObjectNode existing) {
                mergePatch(existing, value);
            } else {
                target.set(field.getKey(), value.deepCopy());
            }
        }
    }

    /** Whether an object's labels match an equality selector such as {@code a=b,c=d} (empty matches all). */
    static boolean matches(JsonNode object, String selector) {
        if (selector.isEmpty()) {
            return true;
        }
        JsonNode labels = object.path("metadata").path("labels");
        for (String requirement : selector.split(",")) {
            String[] pair = requirement.split("=", 2);
            if (pair.length != 2 || !labels.path(pair[0].trim()).asText("\u0000").equals(pair[1].trim())) {
                return false;
            }
        }
        return true;
    }
}

package dev.kumo.apiserver.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubernetes' strategic merge patch, as kubectl sends it for built-in kinds (a Deployment's apply): a merge patch
 * whose lists of the core types' keyed fields ({@code containers} and {@code env} by name, {@code volumeMounts} by
 * mountPath, ports by containerPort or port…) merge element by element, with the directives {@code $patch}
 * (replace, delete), {@code $setElementOrder/LIST}, {@code $retainKeys} and {@code $deleteFromPrimitiveList/LIST}.
 * Other lists are replaced, as in a JSON merge patch.
 */
final class StrategicMergePatch {

    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "ephemeralContainers", "name", "env", "name", "volumes", "name", "imagePullSecrets", "name",
            "volumeMounts", "mountPath", "volumeDevices", "devicePath", "conditions", "type");
    private static final String ORDER = "$setElementOrder/";
    private static final String DELETE_FROM = "$deleteFromPrimitiveList/";

    private StrategicMergePatch() {
    }

    static JsonNode apply(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return stripped(patch);
        }
        if ("replace".equals(patch.path("$patch").asText())) {
            return stripped(patch);
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            if (key.startsWith("$")) {
                continue;
            }
            JsonNode existing = result.get(key);
            Optional<String> mergeKey = mergeKey(key, value);
            if (value.isNull() || "delete".equals(value.path("$patch").asText())) {
                result.remove(key);
            } else if (mergeKey.isPresent() && existing != null && existing.isArray()) {
                result.set(key, mergeList((ArrayNode) existing, (ArrayNode) value, mergeKey.get()));
            } else {
                result.set(key, apply(existing, value));
            }
        }
        patch.fields().forEachRemaining(field -> directive(result, field.getKey(), field.getValue()));
        return result;
    }

    private static void directive(ObjectNode result, String key, JsonNode value) {
        if (key.startsWith(ORDER) && result.get(key.substring(ORDER.length())) instanceof ArrayNode list) {
            result.set(key.substring(ORDER.length()), ordered(list, value));
        } else if (key.startsWith(DELETE_FROM) && result.get(key.substring(DELETE_FROM.length())) instanceof ArrayNode
                list) {
            Set<JsonNode> gone = new HashSet<>();
            value.forEach(gone::add);
            ArrayNode kept = Json.mapper().createArrayNode();
            list.forEach(item -> {
                if (!gone.contains(item)) {
                    kept.add(item);
                }
            });
            result.set(key.substring(DELETE_FROM.length()), kept);
        } else if (key.equals("$retainKeys") && value.isArray()) {
            Set<String> retained = new HashSet<>();
            value.forEach(name -> retained.add(name.asText()));
            result.retain(retained);
        }
    }

    /** The list's merge key: the core types' for {@code field}; ports by containerPort (a container's) or port. */
    private static Optional<String> mergeKey(String field, JsonNode value) {
        if (!value.isArray()) {
            return Optional.empty();
        }
        if (field.equals("ports")) {
            return Optional.of(value.path(0).has("containerPort") ? "containerPort" : "port");
        }
        return Optional.ofNullable(MERGE_KEYS.get(field));
    }

    private static ArrayNode mergeList(ArrayNode existing, ArrayNode patch, String mergeKey) {
        List<JsonNode> items = new ArrayList<>();
        existing.forEach(items::add);
        for (JsonNode element : patch) {
            JsonNode id = element.get(mergeKey);
            int at = -1;
            for (int i = 0; id != null && i < items.size(); i++) {
                if (id.equals(items.get(i).get(mergeKey))) {
                    at = i;
                    break;
                }
            }
            if ("delete".equals(element.path("$patch").asText())) {
                if (at >= 0) {
                    items.remove(at);
                }
            } else if (at >= 0) {
                items.set(at, apply(items.get(at), element));
            } else {
                items.add(apply(null, element));
            }
        }
        ArrayNode merged = Json.mapper().createArrayNode();
        items.forEach(merged::add);
        return merged;
    }

    /** {@code list} in the order {@code order} gives (by the elements' values there), the others after. */
    private static ArrayNode ordered(ArrayNode list, JsonNode order) {
        List<JsonNode> rest = new ArrayList<>();
        list.forEach(rest::add);
        ArrayNode sorted = Json.mapper().createArrayNode();
        for (JsonNode wanted : order) {
            for (Iterator<JsonNode> it = rest.iterator(); it.hasNext(); ) {
                JsonNode item = it.next();
                if (matches(item, wanted)) {
                    sorted.add(item);
                    it.remove();
                    break;
                }
            }
        }
        rest.forEach(sorted::add);
        return sorted;
    }

    private static boolean matches(JsonNode item, JsonNode wanted) {
        if (!wanted.isObject()) {
            return item.equals(wanted);
        }
        Iterator<Map.Entry<String, JsonNode>> keys = wanted.fields();
        while (keys.hasNext()) {
            Map.Entry<String, JsonNode> key = keys.next();
            if (!key.getValue().equals(item.get(key.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** {@code node} without directives, at any depth. */
    private static JsonNode stripped(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = Json.object();
            node.fields().forEachRemaining(f -> {
                if (!f.getKey().startsWith("$")) {
                    copy.set(f.getKey(), stripped(f.getValue()));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = Json.mapper().createArrayNode();
            node.forEach(item -> copy.add(stripped(item)));
            return copy;
        }
        return node.deepCopy();
    }
}

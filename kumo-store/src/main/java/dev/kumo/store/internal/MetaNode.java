package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads and writes the {@code metadata} fields of an object tree. */
final class MetaNode {

    private MetaNode() {
    }

    /** The object's metadata, created empty when absent. */
    static ObjectNode of(ObjectNode object) {
        return object.get("metadata") instanceof ObjectNode metadata ? metadata : object.putObject("metadata");
    }

    /** A text field of the metadata, {@code ""} when absent. */
    static String text(ObjectNode object, String field) {
        return object.path("metadata").path(field).asText("");
    }

    /** A text field of the metadata, empty when absent or blank. */
    static Optional<String> optional(ObjectNode object, String field) {
        String value = text(object, field);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static Map<String, String> labels(ObjectNode object) {
        Map<String, String> labels = new LinkedHashMap<>();
        object.path("metadata").path("labels").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asText()));
        return labels;
    }

    static List<String> finalizers(ObjectNode object) {
        List<String> finalizers = new ArrayList<>();
        object.path("metadata").path("finalizers").forEach(f -> finalizers.add(f.asText()));
        return finalizers;
    }

    static Set<String> ownerUids(ObjectNode object) {
        Set<String> uids = new LinkedHashSet<>();
        for (JsonNode reference : object.path("metadata").path("ownerReferences")) {
            String uid = reference.path("uid").asText("");
            if (!uid.isEmpty()) {
                uids.add(uid);
            }
        }
        return uids;
    }

    /** Copies one metadata field from {@code from} to {@code to}, removing it from {@code to} when absent. */
    static void copyField(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.path("metadata").get(field);
        if (value == null || value.isNull()) {
            of(to).remove(field);
        } else {
            of(to).set(field, value.deepCopy());
        }
    }

    /** Copies a top-level field (such as {@code status}), removing it from {@code to} when absent. */
    static void copyTopLevel(ObjectNode from, ObjectNode to, String field) {
        JsonNode value = from.get(field);
        if (value == null) {
            to.remove(field);
        } else {
            to.set(field, value.deepCopy());
        }
    }
}

package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;

/**
 * The JSON tree rules of the store: what is stored is in the form parsing its text gives (so both backends hand out
 * identical trees, {@code 1} always an int node), and equality compares numbers by value.
 */
final class JsonTrees {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private JsonTrees() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(BY_VALUE, b);
    }

    /** A copy of {@code object} as it reads back from its JSON text. */
    static ObjectNode normalized(ObjectNode object) {
        try {
            return Json.mapper().readValue(Json.mapper().writeValueAsBytes(object), ObjectNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("re-reading an object tree", e);
        }
    }
}

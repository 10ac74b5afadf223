package dev.kumo.store.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Comparator;

/** Deep equality of JSON trees that compares numbers by value, so {@code 1} parsed as int or long is the same. */
final class SameJson {

    private static final Comparator<JsonNode> BY_VALUE = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    private SameJson() {
    }

    static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == b;
        }
        return a.equals(BY_VALUE, b);
    }
}

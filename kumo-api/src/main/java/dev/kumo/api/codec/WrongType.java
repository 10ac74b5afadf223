package dev.kumo.api.codec;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.Collection;
import java.util.Map;

/** What a value of the wrong JSON type was and what was wanted, in JSON's words rather than Java's. */
final class WrongType {

    private static final int SHOWN_CHARACTERS = 40;

    private WrongType() {
    }

    /** E.g. {@code expected a list, got a string "abc"}; Jackson's own first line where the types are unknown. */
    static String describe(MismatchedInputException e, JsonNode tree) {
        String wanted = wanted(e.getTargetType());
        JsonNode given = tree;
        for (JsonMappingException.Reference ref : e.getPath()) {
            given = ref.getFieldName() != null ? given.path(ref.getFieldName()) : given.path(ref.getIndex());
        }
        String got = got(given);
        if (wanted == null || got == null) {
            return e.getOriginalMessage().split("\n")[0];
        }
        return "expected " + wanted + ", got " + got;
    }

    private static String wanted(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object of keys and values";
        }
        if (type == String.class || type.isEnum()) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        return type.getName().startsWith("java.") ? null : "an object";
    }

    private static String got(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case STRING -> "a string \"" + cut(node.asText()) + "\"";
            case NUMBER -> "the number " + cut(node.asText());
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            default -> null;
        };
    }

    private static String cut(String text) {
        return text.length() > SHOWN_CHARACTERS ? text.substring(0, SHOWN_CHARACTERS) + "…" : text;
    }
}

package dev.kumo.store;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One term of a field selector beyond name and namespace ({@code involvedObject.name=hello}, {@code type!=Normal}):
 * the value at a JSON pointer into the stored object, equal or not to {@code value}; a missing field is the empty
 * string, as Kubernetes' field sets have it.
 */
public record FieldMatch(String pointer, String value, boolean equal) {

    /** Whether {@code object} satisfies this term. */
    public boolean matches(JsonNode object) {
        JsonNode node = object.at(pointer);
        String actual = node.isMissingNode() || node.isNull() ? "" : node.asText();
        return actual.equals(value) == equal;
    }
}

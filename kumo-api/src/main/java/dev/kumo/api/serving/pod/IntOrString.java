package dev.kumo.api.serving.pod;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/** A Kubernetes int-or-string value, such as a probe port given as {@code 8080} or as the port name {@code http1}. */
public record IntOrString(Integer intValue, String stringValue) {

    public IntOrString {
        if ((intValue == null) == (stringValue == null)) {
            throw new IllegalArgumentException("exactly one of an integer or a string is required");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    /** Decodes a JSON integer or string; anything else is not an int-or-string. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static IntOrString fromJson(JsonNode node) {
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return of(node.intValue());
        }
        if (node.isTextual()) {
            return of(node.textValue());
        }
        throw new IllegalArgumentException("want an integer or a string, got " + node.getNodeType());
    }

    @JsonValue
    Object json() {
        return intValue != null ? intValue : stringValue;
    }

    /** The integer, when this is one. */
    public Optional<Integer> asInt() {
        return Optional.ofNullable(intValue);
    }

    /** The string, when this is one. */
    public Optional<String> asString() {
        return Optional.ofNullable(stringValue);
    }

    @Override
    public String toString() {
        return String.valueOf(json());
    }
}

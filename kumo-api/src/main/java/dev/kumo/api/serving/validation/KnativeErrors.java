package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import java.util.List;

/** Knative's error vocabulary (out of bounds, one-of, disallowed) in Kubernetes wording. */
final class KnativeErrors {

    private KnativeErrors() {
    }

    /** {@code field: Invalid value: 601: expected 0 <= 601 <= 600}. */
    static FieldError outOfBounds(String field, Object value, Object min, Object max) {
        return FieldError.invalid(field, value, "expected " + min + " <= " + plain(value) + " <= " + max);
    }

    /** None of the fields of which exactly one is wanted is set. */
    static FieldError missingOneOf(String parent, List<String> fields) {
        return FieldError.required(parent, "expected exactly one, got neither: " + String.join(", ", fields));
    }

    /** More than one of the fields of which exactly one is wanted is set. */
    static FieldError multipleOneOf(String parent, List<String> fields) {
        return FieldError.forbidden(parent, "expected exactly one, got both: " + String.join(", ", fields));
    }

    /** A field Knative does not allow here, with why. */
    static FieldError disallowed(String field, String why) {
        return FieldError.forbidden(field, "must not set the field(s): " + why);
    }

    /** Joins a parent path and a child field name. */
    static String at(String parent, String child) {
        return parent.isEmpty() ? child : parent + "." + child;
    }

    /** The path of an element of a list field. */
    static String at(String parent, String child, int index) {
        return at(parent, child) + "[" + index + "]";
    }

    private static String plain(Object value) {
        return String.valueOf(value);
    }
}

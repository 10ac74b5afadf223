package dev.kumo.api.errors;

/**
 * One invalid field, Kubernetes style: {@code spec.traffic: Invalid value: 90: traffic targets sum to 90, want 100}.
 *
 * @param field the field path, e.g. {@code spec.template.spec.containers[0].ports}
 * @param type the cause type: {@code FieldValueInvalid}, {@code FieldValueRequired}, {@code FieldValueForbidden},
 *     {@code FieldValueDuplicate}, {@code FieldValueNotSupported}
 * @param message the whole human message, field path first
 */
public record FieldError(String field, String type, String message) {

    /** A value that is present but not allowed. */
    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(field, "FieldValueInvalid", field + ": Invalid value: " + render(value) + ": " + detail);
    }

    /** A field that must be set and is not. */
    public static FieldError required(String field, String detail) {
        return new FieldError(field, "FieldValueRequired", field + ": Required value" + suffix(detail));
    }

    /** A field that may not be set here. */
    public static FieldError forbidden(String field, String detail) {
        return new FieldError(field, "FieldValueForbidden", field + ": Forbidden" + suffix(detail));
    }

    /** A value that repeats one that must be unique. */
    public static FieldError duplicate(String field, Object value) {
        return new FieldError(field, "FieldValueDuplicate", field + ": Duplicate value: " + render(value));
    }

    /** A value that repeats one that must be unique, with where it was seen first. */
    public static FieldError duplicate(String field, Object value, String detail) {
        return new FieldError(field, "FieldValueDuplicate",
                field + ": Duplicate value: " + render(value) + suffix(detail));
    }

    /** A value outside a fixed set, with the set (Kubernetes' {@code Unsupported value}). */
    public static FieldError notSupported(String field, Object value, java.util.List<String> supported) {
        return new FieldError(field, "FieldValueNotSupported", field + ": Unsupported value: " + render(value)
                + ": supported values: " + String.join(", ", supported.stream().map(FieldError::render).toList()));
    }

    /** A field that is not part of the schema at all. */
    public static FieldError unknown(String field) {
        return new FieldError(field, "FieldValueInvalid", "unknown field \"" + field + "\"");
    }

    private static String suffix(String detail) {
        return detail == null || detail.isEmpty() ? "" : ": " + detail;
    }

    private static String render(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}

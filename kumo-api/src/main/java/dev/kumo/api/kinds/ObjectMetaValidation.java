package dev.kumo.api.kinds;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ObjectMeta;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The checks Kubernetes makes on every object's metadata: names, label keys and values, annotation size. */
public final class ObjectMetaValidation {

    private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS1123_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    private static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private ObjectMetaValidation() {
    }

    /** How a kind's names are checked: Knative's kinds use DNS-1035 labels (a letter first, at most 63 long). */
    public enum NameRule {
        DNS1123_LABEL, DNS1123_SUBDOMAIN, DNS1035_LABEL,
        /** Any name that is one URL path segment: RBAC's names ({@code system:aggregate-to-view}). */
        PATH_SEGMENT
    }

    /** Validates {@code metadata}; the name may be missing only when {@code generateName} is set. */
    public static List<FieldError> validate(ObjectMeta metadata, NameRule nameRule) {
        List<FieldError> errors = new ArrayList<>();
        if (metadata == null) {
            errors.add(FieldError.required("metadata.name", "name or generateName is required"));
            return errors;
        }
        String name = metadata.name();
        if (name == null || name.isEmpty()) {
            if (metadata.generateName() == null || metadata.generateName().isEmpty()) {
                errors.add(FieldError.required("metadata.name", "name or generateName is required"));
            } else {
                String prefix = metadata.generateName().replaceAll("-$", "");
                nameError("metadata.generateName", prefix.isEmpty() ? "x" : prefix, nameRule).ifPresent(e ->
                        errors.add(FieldError.invalid("metadata.generateName", metadata.generateName(), e)));
            }
        } else {
            nameError("metadata.name", name, nameRule).ifPresent(e ->
                    errors.add(FieldError.invalid("metadata.name", name, e)));
        }
        errors.addAll(validateLabels(metadata.labelsOrEmpty(), "metadata.labels"));
        errors.addAll(validateAnnotations(metadata.annotationsOrEmpty(), "metadata.annotations"));
        return errors;
    }

    /** Why {@code name} is not a valid name under {@code rule}, if it is not. */
    public static java.util.Optional<String> nameError(String field, String name, NameRule rule) {
        return switch (rule) {
            case DNS1123_LABEL -> name.length() > 63
                    ? java.util.Optional.of("must be no more than 63 characters")
                    : DNS1123_LABEL.matcher(name).matches() ? java.util.Optional.empty()
                    : java.util.Optional.of("a lowercase RFC 1123 label must consist of lower case alphanumeric "
                            + "characters or '-', and must start and end with an alphanumeric character "
                            + "(e.g. 'my-name', or '123-abc')");
            case DNS1035_LABEL -> name.length() > 63
                    ? java.util.Optional.of("must be no more than 63 characters")
                    : DNS1035_LABEL.matcher(name).matches() ? java.util.Optional.empty()
                    : java.util.Optional.of("a DNS-1035 label must consist of lower case alphanumeric characters or "
                            + "'-', start with an alphabetic character, and end with an alphanumeric character "
                            + "(e.g. 'my-name', or 'abc-123')");
            case DNS1123_SUBDOMAIN -> name.length() > 253
                    ? java.util.Optional.of("must be no more than 253 characters")
                    : DNS1123_SUBDOMAIN.matcher(name).matches() ? java.util.Optional.empty()
                    : java.util.Optional.of("a lowercase RFC 1123 subdomain must consist of lower case "
                            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric "
                            + "character (e.g. 'example.com')");
            case PATH_SEGMENT -> name.equals(".") || name.equals("..")
                    ? java.util.Optional.of("may not be '" + name + "'")
                    : name.contains("/") ? java.util.Optional.of("may not contain '/'")
                    : name.contains("%") ? java.util.Optional.of("may not contain '%'") : java.util.Optional.empty();
        };
    }

    /** Validates label keys and values. */
    public static List<FieldError> validateLabels(Map<String, String> labels, String field) {
        List<FieldError> errors = new ArrayList<>();
        labels.forEach((key, value) -> {
            keyError(key).ifPresent(e -> errors.add(FieldError.invalid(field, key, e)));
            if (value != null && !value.isEmpty()
                    && (value.length() > 63 || !LABEL_NAME.matcher(value).matches())) {
                errors.add(FieldError.invalid(field, value, "a valid label value must be 63 characters or less, "
                        + "empty or begin and end with an alphanumeric character with '-', '_' or '.' between"));
            }
        });
        return errors;
    }

    /** Validates annotation keys and their total size. */
    public static List<FieldError> validateAnnotations(Map<String, String> annotations, String field) {
        List<FieldError> errors = new ArrayList<>();
        long size = 0;
        for (Map.Entry<String, String> entry : annotations.entrySet()) {
            keyError(entry.getKey().toLowerCase()).ifPresent(e -> errors.add(FieldError.invalid(field,
                    entry.getKey(), e)));
            size += entry.getKey().length() + (entry.getValue() == null ? 0 : entry.getValue().length());
        }
        if (size > MAX_ANNOTATIONS_BYTES) {
            errors.add(new FieldError(field, "FieldValueTooLong",
                    field + ": Too long: must have at most " + MAX_ANNOTATIONS_BYTES + " bytes"));
        }
        return errors;
    }

    private static java.util.Optional<String> keyError(String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0 && (prefix.isEmpty() || prefix.length() > 253
                || !DNS1123_SUBDOMAIN.matcher(prefix).matches())) {
            return java.util.Optional.of("prefix part must be a lowercase RFC 1123 subdomain");
        }
        if (name.isEmpty() || name.length() > 63 || !LABEL_NAME.matcher(name).matches()) {
            return java.util.Optional.of("name part must consist of alphanumeric characters, '-', '_' or '.', "
                    + "and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name')");
        }
        return java.util.Optional.empty();
    }
}

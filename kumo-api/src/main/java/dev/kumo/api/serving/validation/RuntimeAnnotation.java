package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.RuntimeName;
import java.util.List;
import java.util.Map;

/** Kumo's {@code kumo.dev/runtime} annotation of a Revision (template): the name of a runtime Kumo knows. */
final class RuntimeAnnotation {

    private RuntimeAnnotation() {
    }

    /** An unknown value is refused naming the annotation, the value and the allowed values. */
    static List<FieldError> validate(Map<String, String> annotations, String path) {
        String value = annotations.get(RuntimeName.ANNOTATION);
        if (value == null || RuntimeName.parse(value).isPresent()) {
            return List.of();
        }
        return List.of(FieldError.notSupported(path + "." + RuntimeName.ANNOTATION, value, RuntimeName.allowed()));
    }
}

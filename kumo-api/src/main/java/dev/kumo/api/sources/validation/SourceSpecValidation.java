package dev.kumo.api.sources.validation;

import dev.kumo.api.duck.CloudEventOverrides;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.DestinationValidation;
import dev.kumo.api.errors.FieldError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What every source shares ({@code duckv1.SourceSpec}): a required sink and alphanumeric extension names. */
final class SourceSpecValidation {

    private static final Pattern EXTENSION_NAME = Pattern.compile("[a-zA-Z0-9]+");

    private SourceSpecValidation() {
    }

    static List<FieldError> validate(Destination sink, CloudEventOverrides overrides, String path) {
        List<FieldError> errors = new ArrayList<>(DestinationValidation.validateRequired(sink, path + ".sink"));
        if (overrides != null && overrides.extensions() != null) {
            overrides.extensions().keySet().stream().filter(key -> !EXTENSION_NAME.matcher(key).matches()).sorted()
                    .forEach(key -> errors.add(FieldError.invalid(path + ".ceOverrides.extensions[" + key + "]", key,
                            key.isEmpty() ? "keys must not be empty" : "keys are expected to be alphanumeric")));
        }
        return errors;
    }
}

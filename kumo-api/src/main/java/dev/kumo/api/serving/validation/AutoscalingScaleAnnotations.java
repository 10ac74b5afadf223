package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.ACTIVATION_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.INITIAL_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.MAX_SCALE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.MIN_SCALE;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The instance-count annotations: min-scale, max-scale, initial-scale and activation-scale. */
final class AutoscalingScaleAnnotations {

    private AutoscalingScaleAnnotations() {
    }

    static List<FieldError> validate(AnnotationValues values, AutoscalerConfig config) {
        List<FieldError> errors = new ArrayList<>();
        int min = nonNegativeInt(values, MIN_SCALE, errors).orElse(0);
        Optional<Integer> maxValue = nonNegativeInt(values, MAX_SCALE, errors);
        int max = maxValue.orElse(0);
        if (max != 0 && max < min) {
            errors.add(FieldError.invalid(values.path(MAX_SCALE), String.valueOf(max),
                    "max-scale=" + max + " is less than min-scale=" + min));
        }
        int maxScaleLimit = config.get(ConfigAutoscaler.MAX_SCALE_LIMIT);
        if (maxValue.isPresent() && maxScaleLimit != 0) {
            if (max == 0) {
                errors.add(FieldError.invalid(values.path(MAX_SCALE), "0",
                        "max-scale=0 (unlimited), must be less than " + maxScaleLimit));
            } else if (max > maxScaleLimit) {
                errors.add(KnativeErrors.outOfBounds(values.path(MAX_SCALE), max, 1, maxScaleLimit));
            }
        }
        values.find(ACTIVATION_SCALE).flatMap(a -> activation(values, a, min, max)).ifPresent(errors::add);
        values.find(INITIAL_SCALE).flatMap(i -> initial(values, i, config)).ifPresent(errors::add);
        return errors;
    }

    private static Optional<FieldError> activation(AnnotationValues values, AnnotationKey.Found found, int min,
            int max) {
        String path = values.path(found);
        Optional<Integer> parsed = parseInt(found.value());
        if (parsed.isEmpty()) {
            return Optional.of(FieldError.invalid(path, found.value(), "want an integer"));
        }
        int activation = parsed.get();
        if (min > activation) {
            return Optional.of(FieldError.invalid(path, found.value(),
                    "min-scale=" + min + " is greater than activation-scale=" + activation));
        }
        if (max != 0 && max < activation) {
            return Optional.of(FieldError.invalid(path, found.value(),
                    "max-scale=" + max + " is less than activation-scale=" + activation));
        }
        return activation < 2 ? Optional.of(FieldError.invalid(path, found.value(),
                "activation-scale=" + activation + " must be greater than 1")) : Optional.empty();
    }

    private static Optional<FieldError> initial(AnnotationValues values, AnnotationKey.Found found,
            AutoscalerConfig config) {
        String path = values.path(found);
        Optional<Integer> parsed = parseInt(found.value());
        if (parsed.isEmpty()) {
            return Optional.of(FieldError.invalid(path, found.value(), "want an integer"));
        }
        if (parsed.get() < 0) {
            return Optional.of(FieldError.invalid(path, found.value(), "must be greater than or equal to 0"));
        }
        return parsed.get() == 0 && !config.get(ConfigAutoscaler.ALLOW_ZERO_INITIAL_SCALE)
                ? Optional.of(FieldError.invalid(path, found.value(), "initial-scale=0 not allowed by cluster"))
                : Optional.empty();
    }

    /** An integer 0 ≤ n ≤ 2^31-1, recording why not in {@code errors}. */
    private static Optional<Integer> nonNegativeInt(AnnotationValues values, AnnotationKey key,
            List<FieldError> errors) {
        Optional<AnnotationKey.Found> found = values.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        String value = found.get().value();
        if (!value.matches("[-+]?\\d+")) {
            errors.add(FieldError.invalid(values.path(found.get()), value, "want an integer"));
            return Optional.empty();
        }
        Optional<Integer> parsed = parseInt(value);
        if (parsed.isEmpty() || parsed.get() < 0) {
            errors.add(KnativeErrors.outOfBounds(values.path(found.get()), value, 0, Integer.MAX_VALUE));
            return Optional.empty();
        }
        return parsed;
    }

    private static Optional<Integer> parseInt(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}

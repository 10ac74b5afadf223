package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_BURST_CAPACITY;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_MIN;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.Bounds;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import dev.kumo.api.serving.autoscaling.ConfigKey;
import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The target and window annotations: numbers within their ranges and Go durations within theirs, the ranges those
 * of the config-autoscaler keys the annotations override ({@link ConfigAutoscaler}).
 */
final class AutoscalingTargetAnnotations {

    private AutoscalingTargetAnnotations() {
    }

    static List<FieldError> validate(AnnotationValues values) {
        List<FieldError> errors = new ArrayList<>();
        range(values, ConfigAutoscaler.PANIC_WINDOW_PERCENTAGE, errors);
        range(values, ConfigAutoscaler.PANIC_THRESHOLD_PERCENTAGE, errors);
        range(values, ConfigAutoscaler.CONTAINER_CONCURRENCY_TARGET_PERCENTAGE, errors);
        number(values, TARGET, errors).filter(target -> target < TARGET_MIN).ifPresent(target -> errors.add(
                FieldError.invalid(values.path(TARGET), values.find(TARGET).orElseThrow().value(),
                        "target " + values.find(TARGET).orElseThrow().value() + " should be at least 0.01")));
        number(values, TARGET_BURST_CAPACITY, errors).filter(tbc -> tbc < 0 && tbc != -1).ifPresent(tbc ->
                errors.add(FieldError.invalid(values.path(TARGET_BURST_CAPACITY),
                        values.find(TARGET_BURST_CAPACITY).orElseThrow().value(),
                        "want " + ConfigAutoscaler.TARGET_BURST_CAPACITY.bounds().want())));
        duration(values, ConfigAutoscaler.STABLE_WINDOW, errors);
        duration(values, ConfigAutoscaler.SCALE_TO_ZERO_POD_RETENTION_PERIOD, errors);
        duration(values, ConfigAutoscaler.SCALE_DOWN_DELAY, errors);
        return errors;
    }

    private static void range(AnnotationValues values, ConfigKey<Double> setting, List<FieldError> errors) {
        AnnotationKey key = setting.annotation().orElseThrow();
        Bounds.Range<Double> range = setting.bounds().range().orElseThrow();
        number(values, key, errors).filter(v -> v < range.min() || v > range.max()).ifPresent(v -> errors.add(
                KnativeErrors.outOfBounds(values.path(key), values.find(key).orElseThrow().value(),
                        Bounds.Range.bound(range.min()), Bounds.Range.bound(range.max()))));
    }

    private static Optional<Double> number(AnnotationValues values, AnnotationKey key, List<FieldError> errors) {
        Optional<AnnotationKey.Found> found = values.find(key);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Double.parseDouble(found.get().value()));
        } catch (NumberFormatException e) {
            errors.add(FieldError.invalid(values.path(found.get()), found.get().value(), "want a number"));
            return Optional.empty();
        }
    }

    private static void duration(AnnotationValues values, ConfigKey<Duration> setting, List<FieldError> errors) {
        Optional<AnnotationKey.Found> found = values.find(setting.annotation().orElseThrow());
        Bounds.Range<Duration> range = setting.bounds().range().orElseThrow();
        if (found.isEmpty()) {
            return;
        }
        String path = values.path(found.get());
        String text = found.get().value();
        Optional<Duration> parsed = GoDuration.parse(text);
        if (parsed.isEmpty()) {
            errors.add(FieldError.invalid(path, text, "want a duration such as 60s or 1m30s"));
        } else if (parsed.get().compareTo(range.min()) < 0 || parsed.get().compareTo(range.max()) > 0) {
            errors.add(KnativeErrors.outOfBounds(path, text, Bounds.Range.bound(range.min()),
                    Bounds.Range.bound(range.max())));
        } else if (range.wholeSeconds() && parsed.get().getNano() != 0) {
            errors.add(FieldError.invalid(path, text, "must be specified with at most second precision"));
        }
    }
}

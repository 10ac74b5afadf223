package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE_MAX;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_THRESHOLD_PERCENTAGE_MIN;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_WINDOW_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_WINDOW_PERCENTAGE_MAX;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.PANIC_WINDOW_PERCENTAGE_MIN;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.SCALE_DOWN_DELAY;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.SCALE_TO_ZERO_POD_RETENTION_PERIOD;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_BURST_CAPACITY;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_MIN;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.TARGET_UTILIZATION_PERCENTAGE;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.WINDOW;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.WINDOW_MAX;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.WINDOW_MIN;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The target and window annotations: numbers within their ranges and Go durations within theirs. */
final class AutoscalingTargetAnnotations {

    private AutoscalingTargetAnnotations() {
    }

    static List<FieldError> validate(AnnotationValues values) {
        List<FieldError> errors = new ArrayList<>();
        range(values, PANIC_WINDOW_PERCENTAGE, PANIC_WINDOW_PERCENTAGE_MIN, PANIC_WINDOW_PERCENTAGE_MAX, errors);
        range(values, PANIC_THRESHOLD_PERCENTAGE, PANIC_THRESHOLD_PERCENTAGE_MIN, PANIC_THRESHOLD_PERCENTAGE_MAX,
                errors);
        range(values, TARGET_UTILIZATION_PERCENTAGE, 1, 100, errors);
        number(values, TARGET, errors).filter(target -> target < TARGET_MIN).ifPresent(target -> errors.add(
                FieldError.invalid(values.path(TARGET), values.find(TARGET).orElseThrow().value(),
                        "target " + values.find(TARGET).orElseThrow().value() + " should be at least 0.01")));
        number(values, TARGET_BURST_CAPACITY, errors).filter(tbc -> tbc < 0 && tbc != -1).ifPresent(tbc ->
                errors.add(FieldError.invalid(values.path(TARGET_BURST_CAPACITY),
                        values.find(TARGET_BURST_CAPACITY).orElseThrow().value(),
                        "want -1 (activator always in the path), 0 or more")));
        duration(values, WINDOW, WINDOW_MIN, WINDOW_MAX, true, errors);
        duration(values, SCALE_TO_ZERO_POD_RETENTION_PERIOD, Duration.ZERO, WINDOW_MAX, false, errors);
        duration(values, SCALE_DOWN_DELAY, Duration.ZERO, WINDOW_MAX, true, errors);
        return errors;
    }

    private static void range(AnnotationValues values, AnnotationKey key, double min, double max,
            List<FieldError> errors) {
        number(values, key, errors).filter(v -> v < min || v > max).ifPresent(v -> errors.add(
                KnativeErrors.outOfBounds(values.path(key), values.find(key).orElseThrow().value(), plain(min),
                        plain(max))));
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

    private static void duration(AnnotationValues values, AnnotationKey key, Duration min, Duration max,
            boolean wholeSeconds, List<FieldError> errors) {
        Optional<AnnotationKey.Found> found = values.find(key);
        if (found.isEmpty()) {
            return;
        }
        String path = values.path(found.get());
        String text = found.get().value();
        Optional<Duration> parsed = GoDuration.parse(text);
        if (parsed.isEmpty()) {
            errors.add(FieldError.invalid(path, text, "want a duration such as 60s or 1m30s"));
        } else if (parsed.get().compareTo(min) < 0 || parsed.get().compareTo(max) > 0) {
            errors.add(KnativeErrors.outOfBounds(path, text, go(min), go(max)));
        } else if (wholeSeconds && parsed.get().getNano() != 0) {
            errors.add(FieldError.invalid(path, text, "must be specified with at most second precision"));
        }
    }

    private static String plain(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    /** Renders a bound the short Go way: {@code 6s}, {@code 1h}. */
    private static String go(Duration duration) {
        if (duration.isZero()) {
            return "0s";
        }
        return duration.toSecondsPart() == 0 && duration.toMinutesPart() == 0 ? duration.toHours() + "h"
                : duration.getSeconds() + "s";
    }
}

package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.CLASS;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.HPA;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.KPA;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.METRIC;
import static dev.kumo.api.serving.autoscaling.AutoscalingKeys.METRIC_AGGREGATION_ALGORITHM;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.autoscaling.AnnotationKey;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.api.serving.autoscaling.AutoscalingKeys;
import dev.kumo.api.serving.autoscaling.ConfigAutoscaler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Knative's checks of the {@code autoscaling.knative.dev/*} annotations of a Revision (template): each value within
 * its documented range, min-scale not above max-scale, the metric valid for the class, and a key not given under
 * both its current and its older spelling.
 */
public final class AutoscalingAnnotations {

    private static final Set<String> KPA_METRICS = Set.of(AutoscalingKeys.CONCURRENCY, AutoscalingKeys.RPS);
    private static final Set<String> ALGORITHMS = Set.of("linear", "weighted-exponential", "weightedExponential");

    private AutoscalingAnnotations() {
    }

    /** Validates {@code annotations} found at {@code path} (e.g. {@code spec.template.metadata.annotations}). */
    public static List<FieldError> validate(Map<String, String> annotations, String path, AutoscalerConfig config) {
        List<FieldError> errors = new ArrayList<>(spellings(annotations, path));
        AnnotationValues values = new AnnotationValues(annotations, path);
        errors.addAll(validateClass(values));
        errors.addAll(AutoscalingScaleAnnotations.validate(values, config));
        errors.addAll(AutoscalingTargetAnnotations.validate(values));
        errors.addAll(validateMetric(values, config));
        errors.addAll(validateAlgorithm(values));
        return errors;
    }

    /** Knative reads only the first spelling it finds; Kumo refuses both, so that what is read is what was meant. */
    private static List<FieldError> spellings(Map<String, String> annotations, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (AnnotationKey key : AutoscalingKeys.ALL) {
            List<String> present = key.spellingsPresent(annotations);
            if (present.size() > 1) {
                errors.add(KnativeErrors.multipleOneOf(path, present));
            }
        }
        return errors;
    }

    private static List<FieldError> validateClass(AnnotationValues values) {
        return values.find(CLASS)
                .filter(c -> c.value().endsWith(".knative.dev") && !c.value().equals(KPA) && !c.value().equals(HPA))
                .map(c -> List.of(FieldError.invalid(values.path(c), c.value(),
                        "want " + KPA + " or " + HPA + " (or a class of your own outside .knative.dev)")))
                .orElse(List.of());
    }

    private static List<FieldError> validateMetric(AnnotationValues values, AutoscalerConfig config) {
        var metric = values.find(METRIC);
        if (metric.isEmpty()) {
            return List.of();
        }
        String autoscalerClass = values.find(CLASS).map(AnnotationKey.Found::value)
                .orElse(config.get(ConfigAutoscaler.POD_AUTOSCALER_CLASS));
        String value = metric.get().value();
        boolean valid = switch (autoscalerClass) {
            case KPA -> KPA_METRICS.contains(value);
            case HPA -> !value.isEmpty();
            default -> true;
        };
        return valid ? List.of() : List.of(FieldError.invalid(values.path(metric.get()), value,
                KPA.equals(autoscalerClass) ? "the " + KPA + " class scales on concurrency or rps; cpu and memory "
                        + "need class " + HPA : "a metric is required for class " + HPA));
    }

    /** Knative checks the aggregation algorithm only when the class KPA is named explicitly. */
    private static List<FieldError> validateAlgorithm(AnnotationValues values) {
        boolean kpa = values.find(CLASS).map(c -> c.value().equals(KPA)).orElse(false);
        return values.find(METRIC_AGGREGATION_ALGORITHM)
                .filter(a -> kpa && !a.value().isEmpty() && !ALGORITHMS.contains(a.value()))
                .map(a -> List.of(FieldError.invalid(values.path(a), a.value(),
                        "want linear or weighted-exponential")))
                .orElse(List.of());
    }
}

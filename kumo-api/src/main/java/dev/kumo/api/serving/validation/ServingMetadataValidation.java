package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.OwnerReference;
import dev.kumo.api.serving.Visibility;
import dev.kumo.api.serving.autoscaling.AutoscalingKeys;
import dev.kumo.api.serving.autoscaling.GoDuration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Knative's extra checks of a serving object's metadata, beyond the ones every Kubernetes object gets. */
final class ServingMetadataValidation {

    static final String ROLLOUT_DURATION = "serving.knative.dev/rollout-duration";
    static final String PROGRESS_DEADLINE = "serving.knative.dev/progress-deadline";
    static final String SERVICE_LABEL = "serving.knative.dev/service";
    static final String CONFIGURATION_LABEL = "serving.knative.dev/configuration";

    private ServingMetadataValidation() {
    }

    /** Autoscaling annotations only work on a Revision (template); elsewhere they are refused. */
    static List<FieldError> noAutoscalingAnnotations(ObjectMeta metadata) {
        List<FieldError> errors = new ArrayList<>();
        annotations(metadata).keySet().stream().filter(k -> k.startsWith(AutoscalingKeys.GROUP)).sorted()
                .forEach(k -> errors.add(FieldError.invalid("metadata.annotations", k,
                        "autoscaling annotations must be put under \"spec.template.metadata.annotations\" to work")));
        return errors;
    }

    /** A Go duration in whole seconds, not negative, under {@code key} (rollout-duration, progress-deadline). */
    static List<FieldError> wholeSecondsDuration(Map<String, String> annotations, String key, String path) {
        String value = annotations.get(key);
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        String field = path + "." + key;
        Optional<Duration> duration = GoDuration.parse(value);
        if (duration.isEmpty()) {
            return List.of(FieldError.invalid(field, value, "want a duration such as 60s or 1m30s"));
        }
        String name = key.substring(key.indexOf('/') + 1);
        if (duration.get().getNano() != 0) {
            return List.of(FieldError.invalid(field, value, name + "=" + value + " is not at second precision"));
        }
        return duration.get().isNegative()
                ? List.of(FieldError.invalid(field, value, name + "=" + value + " must be positive")) : List.of();
    }

    /** A label naming an owner ({@code serving.knative.dev/service}) must match an owner reference of that kind. */
    static List<FieldError> ownerLabel(ObjectMeta metadata, String label, String ownerKind) {
        if (metadata == null || metadata.labels() == null || !metadata.labels().containsKey(label)) {
            return List.of();
        }
        String owner = metadata.labels().get(label);
        for (OwnerReference ref : metadata.ownerReferencesOrEmpty()) {
            if (ownerKind.equals(ref.kind()) && owner.equals(ref.name())) {
                return List.of();
            }
        }
        return List.of(FieldError.required("metadata.labels." + label, "the label names " + ownerKind + " \""
                + owner + "\" but no ownerReference points to it; it is set by Kumo, remove it"));
    }

    /** Knative's visibility label takes one value, {@code cluster-local}; without the label a Route is public. */
    static List<FieldError> visibilityLabel(ObjectMeta metadata) {
        String value = metadata == null ? null : metadata.labelsOrEmpty().get(Visibility.LABEL);
        if (value == null || Visibility.CLUSTER_LOCAL.equals(value)) {
            return List.of();
        }
        return List.of(FieldError.invalid("metadata.labels." + Visibility.LABEL, value, "the only value is \""
                + Visibility.CLUSTER_LOCAL + "\" (reachable only from this machine's workloads); remove the label "
                + "to make it public"));
    }

    static Map<String, String> annotations(ObjectMeta metadata) {
        return metadata == null ? Map.of() : metadata.annotationsOrEmpty();
    }
}

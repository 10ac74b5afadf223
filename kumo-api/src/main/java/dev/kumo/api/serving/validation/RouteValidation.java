package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.Route;
import java.util.ArrayList;
import java.util.List;

/** A Route: its traffic split over named Revisions or Configurations, and the owning Service named by its label. */
public final class RouteValidation {

    private RouteValidation() {
    }

    public static List<FieldError> validate(Route value) {
        List<FieldError> errors = new ArrayList<>(ServingMetadataValidation.noAutoscalingAnnotations(value.metadata()));
        errors.addAll(ServingMetadataValidation.wholeSecondsDuration(
                ServingMetadataValidation.annotations(value.metadata()), ServingMetadataValidation.ROLLOUT_DURATION,
                "metadata.annotations"));
        errors.addAll(ServingMetadataValidation.visibilityLabel(value.metadata()));
        errors.addAll(ServingMetadataValidation.ownerLabel(value.metadata(), ServingMetadataValidation.SERVICE_LABEL,
                "Service"));
        errors.addAll(TrafficValidation.validate(value.spec() == null ? null : value.spec().traffic(),
                "spec.traffic", false));
        return errors;
    }
}

package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.ServiceSpec;
import dev.kumo.api.serving.ServingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Service: its template (as a Configuration's) and its traffic (as a Route's, to its own Configuration only). */
public final class ServiceValidation {

    private ServiceValidation() {
    }

    public static List<FieldError> validate(Service value, Optional<Service> existing, ServingConfig config) {
        List<FieldError> errors = new ArrayList<>(ServingMetadataValidation.noAutoscalingAnnotations(value.metadata()));
        errors.addAll(ServingMetadataValidation.wholeSecondsDuration(
                ServingMetadataValidation.annotations(value.metadata()), ServingMetadataValidation.ROLLOUT_DURATION,
                "metadata.annotations"));
        errors.addAll(ServingMetadataValidation.visibilityLabel(value.metadata()));
        ServiceSpec spec = value.spec() == null ? new ServiceSpec(null, null) : value.spec();
        errors.addAll(RevisionTemplateValidation.validate(spec.template(), value.metadata(), config));
        errors.addAll(TrafficValidation.validate(spec.traffic(), "spec.traffic", true));
        errors.addAll(RevisionTemplateValidation.nameChange(spec.template(),
                existing.map(Service::spec).map(ServiceSpec::template)));
        return errors;
    }
}

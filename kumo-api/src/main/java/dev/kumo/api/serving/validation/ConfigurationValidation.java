package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.ConfigurationSpec;
import dev.kumo.api.serving.ServingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A Configuration: its Revision template, and the owning Service named by its label. */
public final class ConfigurationValidation {

    private ConfigurationValidation() {
    }

    public static List<FieldError> validate(Configuration value, Optional<Configuration> existing,
            ServingConfig config) {
        List<FieldError> errors = new ArrayList<>(ServingMetadataValidation.noAutoscalingAnnotations(value.metadata()));
        errors.addAll(ServingMetadataValidation.ownerLabel(value.metadata(), ServingMetadataValidation.SERVICE_LABEL,
                "Service"));
        ConfigurationSpec spec = value.spec() == null ? new ConfigurationSpec(null) : value.spec();
        errors.addAll(RevisionTemplateValidation.validate(spec.template(), value.metadata(), config));
        errors.addAll(RevisionTemplateValidation.nameChange(spec.template(),
                existing.map(Configuration::spec).map(ConfigurationSpec::template)));
        return errors;
    }
}

package dev.kumo.api.serving.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.ServingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** A Revision: its spec when created, which may never change afterwards, and its autoscaling annotations. */
public final class RevisionValidation {

    private RevisionValidation() {
    }

    public static List<FieldError> validate(Revision value, Optional<Revision> existing, ServingConfig config) {
        List<FieldError> errors = new ArrayList<>(AutoscalingAnnotations.validate(
                ServingMetadataValidation.annotations(value.metadata()), "metadata.annotations",
                config.autoscaler()));
        errors.addAll(RuntimeAnnotation.validate(ServingMetadataValidation.annotations(value.metadata()),
                "metadata.annotations"));
        errors.addAll(ServingMetadataValidation.ownerLabel(value.metadata(),
                ServingMetadataValidation.CONFIGURATION_LABEL, "Configuration"));
        if (existing.isEmpty()) {
            errors.addAll(RevisionSpecValidation.validate(value.spec(), "spec", config.defaults()));
        } else if (!Objects.equals(existing.get().spec(), value.spec())) {
            List<String> changed = TreeDiff.changedPaths(existing.get().spec(), value.spec(), "spec");
            errors.add(FieldError.forbidden("spec", "Immutable fields changed (" + String.join(", ", changed)
                    + "); a Revision never changes, change its Configuration or Service instead"));
        }
        return errors;
    }
}

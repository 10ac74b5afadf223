package dev.kumo.api.shipwright.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.shipwright.BuildRun;
import dev.kumo.api.shipwright.BuildRunSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A BuildRun: exactly one of {@code build.name} and {@code build.spec} (which is validated as a Build's), a state
 * that is empty or {@code BuildRunCanceled}, an output image as a Build's, a positive timeout; once created, only {@code state} may change.
 */
public final class BuildRunValidation {

    private BuildRunValidation() {
    }

    public static List<FieldError> validate(BuildRun value, Optional<BuildRun> existing) {
        BuildRunSpec spec = value.spec();
        if (spec == null || spec.build() == null) {
            return List.of(FieldError.required("spec.build", "name a Build (build.name) or embed one (build.spec)"));
        }
        List<FieldError> errors = new ArrayList<>();
        boolean named = spec.build().name() != null && !spec.build().name().isEmpty();
        if (named == (spec.build().spec() != null)) {
            errors.add(FieldError.invalid("spec.build", named ? "name and spec" : "neither",
                    "expected exactly one of build.name and build.spec"));
        }
        if (spec.build().spec() != null) {
            errors.addAll(BuildValidation.validate(spec.build().spec(), "spec.build.spec"));
        }
        if (spec.state() != null && !spec.state().isEmpty() && !BuildRunSpec.STATE_CANCELED.equals(spec.state())) {
            errors.add(FieldError.notSupported("spec.state", spec.state(), List.of(BuildRunSpec.STATE_CANCELED)));
        }
        if (spec.output() != null) {
            // The run's output replaces its Build's, so it is held to the same rules.
            BuildValidation.output(spec.output(), "spec.output", errors);
        }
        BuildValidation.timeout(spec.timeout(), "spec.timeout", errors);
        existing.map(BuildRun::spec).filter(old -> !Objects.equals(old.withState(null), spec.withState(null)))
                .ifPresent(old -> errors.add(FieldError.forbidden("spec",
                        "a BuildRun runs once: only spec.state may change (to BuildRunCanceled); create a new "
                                + "BuildRun to build again")));
        return errors;
    }
}

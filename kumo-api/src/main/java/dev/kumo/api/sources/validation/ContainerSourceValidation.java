package dev.kumo.api.sources.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.ContainerSourceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * A ContainerSource: a sink and at least one named container. Knative requires an image; Kumo, whose process
 * runtime runs commands, accepts a {@code command} instead, as it does for a Revision.
 */
public final class ContainerSourceValidation {

    private ContainerSourceValidation() {
    }

    public static List<FieldError> validate(ContainerSource value) {
        ContainerSourceSpec spec = value.spec() == null ? ContainerSourceSpec.EMPTY : value.spec();
        List<FieldError> errors = new ArrayList<>(
                SourceSpecValidation.validate(spec.sink(), spec.ceOverrides(), "spec"));
        List<Container> containers = spec.template() == null || spec.template().spec() == null ? List.of()
                : spec.template().spec().containersOrEmpty();
        if (containers.isEmpty()) {
            errors.add(FieldError.required("spec.template.spec.containers", "at least one container to run"));
        }
        for (int i = 0; i < containers.size(); i++) {
            Container container = containers.get(i);
            String at = "spec.template.spec.containers[" + i + "]";
            if (container.name() == null || container.name().isEmpty()) {
                errors.add(FieldError.required(at + ".name", "a name for the container"));
            }
            boolean hasImage = container.image() != null && !container.image().isEmpty();
            boolean hasCommand = container.command() != null && !container.command().isEmpty();
            if (!hasImage && !hasCommand) {
                errors.add(FieldError.required(at + ".image", "an image to run (or, with Kumo's process runtime, "
                        + "a command)"));
            }
        }
        return errors;
    }
}

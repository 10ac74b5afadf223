package dev.kumo.api.serving.validation;

import static dev.kumo.api.serving.validation.KnativeErrors.at;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.ObjectMetaValidation;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.ServingConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Revision template of a Service or Configuration: its spec and annotations, and the bring-your-own Revision
 * name, which must be prefixed by the parent's name and must change whenever the template does.
 */
public final class RevisionTemplateValidation {

    private static final String PATH = "spec.template";

    private RevisionTemplateValidation() {
    }

    /** Validates the template of {@code parent} (the Service or Configuration metadata). */
    public static List<FieldError> validate(RevisionTemplateSpec template, ObjectMeta parent, ServingConfig config) {
        RevisionTemplateSpec value = template == null ? new RevisionTemplateSpec(null, null) : template;
        List<FieldError> errors = new ArrayList<>(RevisionSpecValidation.validate(value.spec(), at(PATH, "spec"),
                config.defaults()));
        ObjectMeta metadata = value.metadata();
        if (metadata != null) {
            String annotationsPath = at(PATH, "metadata.annotations");
            errors.addAll(AutoscalingAnnotations.validate(metadata.annotationsOrEmpty(), annotationsPath,
                    config.autoscaler()));
            errors.addAll(RuntimeAnnotation.validate(metadata.annotationsOrEmpty(), annotationsPath));
            errors.addAll(ServingMetadataValidation.wholeSecondsDuration(metadata.annotationsOrEmpty(),
                    ServingMetadataValidation.PROGRESS_DEADLINE, annotationsPath));
            errors.addAll(ObjectMetaValidation.validateLabels(metadata.labelsOrEmpty(), at(PATH, "metadata.labels")));
            errors.addAll(ObjectMetaValidation.validateAnnotations(metadata.annotationsOrEmpty(), annotationsPath));
            errors.addAll(revisionName(metadata, parent));
        }
        return errors;
    }

    /** On update: a template that keeps its bring-your-own name may not change, as that name is taken. */
    public static List<FieldError> nameChange(RevisionTemplateSpec now, Optional<RevisionTemplateSpec> before) {
        if (now == null || before.isEmpty() || now.byoName().isEmpty()
                || !now.byoName().equals(before.get().byoName()) || now.equals(before.get())) {
            return List.of();
        }
        List<String> changed = TreeDiff.changedPaths(before.get(), now, PATH);
        return List.of(FieldError.invalid(at(PATH, "metadata.name"), now.byoName().get(),
                "Saw the following changes without a name change (" + String.join(", ", changed)
                        + "); give the template a new name"));
    }

    private static List<FieldError> revisionName(ObjectMeta metadata, ObjectMeta parent) {
        String generateName = metadata.generateName();
        if (generateName != null && !generateName.isEmpty()) {
            String prefix = generateName.endsWith("-") && generateName.length() > 1
                    ? generateName.substring(0, generateName.length() - 1) + "a" : generateName;
            Optional<String> error = Names.dns1035LabelError(prefix);
            if (error.isPresent()) {
                return List.of(FieldError.invalid(at(PATH, "metadata.generateName"), generateName,
                        "not a DNS 1035 label prefix: " + error.get()));
            }
        }
        String name = metadata.name();
        if (name == null || name.isEmpty()) {
            return List.of();
        }
        String field = at(PATH, "metadata.name");
        Optional<String> error = Names.dns1035LabelError(name);
        if (error.isPresent()) {
            return List.of(FieldError.invalid(field, name, "not a DNS 1035 label: " + error.get()));
        }
        String parentName = parent == null || parent.name() == null ? "" : parent.name();
        if (parentName.isEmpty() && parent != null && parent.generateName() != null
                && !parent.generateName().isEmpty()) {
            return List.of(KnativeErrors.disallowed(field,
                    "a bring-your-own Revision name needs a parent with a fixed name, not generateName"));
        }
        String prefix = parentName + "-";
        return name.startsWith(prefix) ? List.of()
                : List.of(FieldError.invalid(field, name, "\"" + name + "\" must have prefix \"" + prefix + "\""));
    }
}

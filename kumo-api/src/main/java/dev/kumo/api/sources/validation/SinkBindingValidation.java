package dev.kumo.api.sources.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.ObjectMetaValidation;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.api.sources.SinkBindingSpec;
import java.util.ArrayList;
import java.util.List;

/** A SinkBinding: a subject in its own namespace named by name xor selector, and a sink. */
public final class SinkBindingValidation {

    private SinkBindingValidation() {
    }

    public static List<FieldError> validate(SinkBinding value) {
        SinkBindingSpec spec = value.spec() == null ? SinkBindingSpec.EMPTY : value.spec();
        List<FieldError> errors = new ArrayList<>();
        SinkBindingSpec.Subject subject = spec.subject();
        if (subject == null) {
            errors.add(FieldError.required("spec.subject", "the object(s) to bind: apiVersion, kind and name or "
                    + "selector"));
        } else {
            errors.addAll(subject(subject, value.metadata() == null ? null : value.metadata().namespace()));
        }
        errors.addAll(SourceSpecValidation.validate(spec.sink(), spec.ceOverrides(), "spec"));
        return errors;
    }

    private static List<FieldError> subject(SinkBindingSpec.Subject subject, String namespace) {
        List<FieldError> errors = new ArrayList<>();
        if (isEmpty(subject.apiVersion())) {
            errors.add(FieldError.required("spec.subject.apiVersion", "e.g. apps/v1"));
        }
        if (isEmpty(subject.kind())) {
            errors.add(FieldError.required("spec.subject.kind", "e.g. Deployment"));
        }
        if (isEmpty(subject.namespace())) {
            errors.add(FieldError.required("spec.subject.namespace", "the binding's namespace"));
        } else if (!subject.namespace().equals(namespace)) {
            errors.add(FieldError.invalid("spec.subject.namespace", subject.namespace(),
                    "must be the SinkBinding's own namespace \"" + namespace + "\""));
        }
        if (!isEmpty(subject.name()) && subject.selector() != null) {
            errors.add(FieldError.forbidden("spec.subject", "expected exactly one, got both: name, selector"));
        } else if (!isEmpty(subject.name())) {
            ObjectMetaValidation.nameError("spec.subject.name", subject.name(), NameRule.DNS1123_LABEL)
                    .ifPresent(why -> errors.add(FieldError.invalid("spec.subject.name", subject.name(), why)));
        } else if (subject.selector() != null) {
            errors.addAll(SelectorValidation.validate(subject.selector(), "spec.subject.selector"));
        } else {
            errors.add(FieldError.required("spec.subject", "expected exactly one, got neither: name, selector"));
        }
        return errors;
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }
}

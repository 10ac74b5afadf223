package dev.kumo.api.sources.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.ObjectMetaValidation;
import dev.kumo.api.meta.LabelSelectorSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A label selector's object form: valid labels, and operators with the values they need. */
final class SelectorValidation {

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");
    private static final Set<String> WITH_VALUES = Set.of("In", "NotIn");

    private SelectorValidation() {
    }

    static List<FieldError> validate(LabelSelectorSpec selector, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (selector == null) {
            return errors;
        }
        if (selector.matchLabels() != null) {
            errors.addAll(ObjectMetaValidation.validateLabels(selector.matchLabels(), path + ".matchLabels"));
        }
        List<LabelSelectorSpec.Requirement> expressions = selector.matchExpressions() == null ? List.of()
                : selector.matchExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            LabelSelectorSpec.Requirement requirement = expressions.get(i);
            String at = path + ".matchExpressions[" + i + "]";
            boolean hasValues = requirement.values() != null && !requirement.values().isEmpty();
            if (requirement.key() == null || requirement.key().isEmpty()) {
                errors.add(FieldError.required(at + ".key", "the label key the expression tests"));
            }
            if (!OPERATORS.contains(requirement.operator())) {
                errors.add(FieldError.notSupported(at + ".operator", String.valueOf(requirement.operator()),
                        OPERATORS));
            } else if (WITH_VALUES.contains(requirement.operator()) && !hasValues) {
                errors.add(FieldError.required(at + ".values", "must be specified when `operator` is 'In' or "
                        + "'NotIn'"));
            } else if (!WITH_VALUES.contains(requirement.operator()) && hasValues) {
                errors.add(FieldError.forbidden(at + ".values", "may not be specified when `operator` is "
                        + "'Exists' or 'DoesNotExist'"));
            }
        }
        return errors;
    }
}

package dev.kumo.api.eventing.validation;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.api.eventing.TriggerFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Trigger filters as Knative validates them: attribute names are CloudEvents names, each Subscriptions API filter
 * uses one dialect, nested filters are checked to any depth, and CESQL expressions must parse.
 */
public final class FilterValidation {

    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z][a-z0-9]*");

    private FilterValidation() {
    }

    /** Validates the legacy {@code filter.attributes}. */
    public static List<FieldError> validate(TriggerFilter filter, String path) {
        return filter == null ? List.of() : attributeNames(filter.attributes(), path + ".attributes");
    }

    /** Validates a list of Subscriptions API filters ({@code filters}, {@code all}, {@code any}). */
    public static List<FieldError> validate(List<SubscriptionsApiFilter> filters, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (filters != null) {
            for (int i = 0; i < filters.size(); i++) {
                errors.addAll(validate(filters.get(i), path + "[" + i + "]"));
            }
        }
        return errors;
    }

    /** Validates one Subscriptions API filter and everything nested in it. */
    public static List<FieldError> validate(SubscriptionsApiFilter filter, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (filter == null) {
            return errors;
        }
        List<String> dialects = dialects(filter);
        if (dialects.size() > 1) {
            errors.add(FieldError.forbidden(path, "multiple dialects found (" + String.join(", ", dialects)
                    + "): a filter can have only one dialect set; combine filters with all or any"));
        }
        errors.addAll(attributeNames(filter.exact(), path + ".exact"));
        errors.addAll(attributeNames(filter.prefix(), path + ".prefix"));
        errors.addAll(attributeNames(filter.suffix(), path + ".suffix"));
        errors.addAll(validate(filter.all(), path + ".all"));
        errors.addAll(validate(filter.any(), path + ".any"));
        errors.addAll(validate(filter.not(), path + ".not"));
        if (filter.cesql() != null && !filter.cesql().isEmpty()) {
            CesqlSyntax.error(filter.cesql()).ifPresent(why -> errors.add(FieldError.invalid(path + ".cesql",
                    filter.cesql(), "not a valid CESQL expression: " + why)));
        }
        return errors;
    }

    private static List<String> dialects(SubscriptionsApiFilter filter) {
        List<String> dialects = new ArrayList<>();
        addIf(dialects, "exact", filter.exact() != null && !filter.exact().isEmpty());
        addIf(dialects, "prefix", filter.prefix() != null && !filter.prefix().isEmpty());
        addIf(dialects, "suffix", filter.suffix() != null && !filter.suffix().isEmpty());
        addIf(dialects, "all", filter.all() != null && !filter.all().isEmpty());
        addIf(dialects, "any", filter.any() != null && !filter.any().isEmpty());
        addIf(dialects, "not", filter.not() != null);
        addIf(dialects, "cesql", filter.cesql() != null && !filter.cesql().isEmpty());
        return dialects;
    }

    private static void addIf(List<String> dialects, String name, boolean present) {
        if (present) {
            dialects.add(name);
        }
    }

    private static List<FieldError> attributeNames(Map<String, String> attributes, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (attributes != null) {
            attributes.keySet().stream().filter(name -> !ATTRIBUTE_NAME.matcher(name).matches()).sorted()
                    .forEach(name -> errors.add(FieldError.invalid(path + "[" + name + "]", name, "an attribute "
                            + "name must start with a letter and contain only lowercase letters and digits")));
        }
        return errors;
    }
}

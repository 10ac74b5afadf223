package dev.kumo.eventing.filter;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One Trigger filter, independent of the API records: a dialect of Knative's {@code filters} (exact, prefix, suffix,
 * all, any, not, cesql) or the legacy {@code filter.attributes}. Maps keep the caller's order, which is the order the
 * attributes are checked in.
 */
public sealed interface FilterSpec {

    /** Every attribute equals its value (case-sensitive). An empty name or value makes Knative ignore the filter. */
    record Exact(Map<String, String> attributes) implements FilterSpec {
        public Exact {
            attributes = copy(attributes, "exact");
        }
    }

    /** Every attribute starts with its value. An empty name or value makes Knative ignore the filter. */
    record Prefix(Map<String, String> attributes) implements FilterSpec {
        public Prefix {
            attributes = copy(attributes, "prefix");
        }
    }

    /** Every attribute ends with its value. An empty name or value makes Knative ignore the filter. */
    record Suffix(Map<String, String> attributes) implements FilterSpec {
        public Suffix {
            attributes = copy(attributes, "suffix");
        }
    }

    /** Passes when every nested filter passes. */
    record All(List<FilterSpec> filters) implements FilterSpec {
        public All {
            filters = List.copyOf(Objects.requireNonNull(filters, "all: filters"));
        }
    }

    /** Passes when at least one nested filter passes. */
    record Any(List<FilterSpec> filters) implements FilterSpec {
        public Any {
            filters = List.copyOf(Objects.requireNonNull(filters, "any: filters"));
        }
    }

    /** Passes when the nested filter does not. */
    record Not(FilterSpec filter) implements FilterSpec {
        public Not {
            Objects.requireNonNull(filter, "not: filter");
        }
    }

    /** A CloudEvents SQL (CESQL v1) expression; the event passes when it evaluates to {@code true} without error. */
    record Cesql(String expression) implements FilterSpec {
        public Cesql {
            Objects.requireNonNull(expression, "cesql: expression");
        }
    }

    /**
     * The legacy {@code filter.attributes}: every attribute must equal its value; an empty value means "present with
     * a non-empty value".
     */
    record Attributes(Map<String, String> attributes) implements FilterSpec {
        public Attributes {
            attributes = copy(attributes, "attributes");
        }
    }

    /** {@code exact} on one attribute. */
    static FilterSpec exact(String attribute, String value) {
        return new Exact(one(attribute, value));
    }

    /** {@code prefix} on one attribute. */
    static FilterSpec prefix(String attribute, String value) {
        return new Prefix(one(attribute, value));
    }

    /** {@code suffix} on one attribute. */
    static FilterSpec suffix(String attribute, String value) {
        return new Suffix(one(attribute, value));
    }

    /** {@code all} of the filters. */
    static FilterSpec all(FilterSpec... filters) {
        return new All(List.of(filters));
    }

    /** {@code any} of the filters. */
    static FilterSpec any(FilterSpec... filters) {
        return new Any(List.of(filters));
    }

    /** {@code not} the filter. */
    static FilterSpec not(FilterSpec filter) {
        return new Not(filter);
    }

    /** A {@code cesql} expression. */
    static FilterSpec cesql(String expression) {
        return new Cesql(expression);
    }

    /** The legacy {@code filter.attributes}. */
    static FilterSpec attributes(Map<String, String> attributes) {
        return new Attributes(attributes);
    }

    private static Map<String, String> one(String attribute, String value) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put(attribute, value);
        return attributes;
    }

    private static Map<String, String> copy(Map<String, String> attributes, String dialect) {
        Objects.requireNonNull(attributes, dialect + ": attributes");
        attributes.forEach((name, value) -> {
            Objects.requireNonNull(name, dialect + ": attribute name");
            Objects.requireNonNull(value, dialect + ": value of " + name);
        });
        return Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
    }
}

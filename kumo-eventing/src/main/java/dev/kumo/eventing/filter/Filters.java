package dev.kumo.eventing.filter;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiles filter specs into an {@link EventFilter}, once per Trigger.
 * <p>
 * A spec can compile to no condition at all, as Knative's runtime ignores it: {@code exact}, {@code prefix},
 * {@code suffix} with no attributes or with an empty name or value, {@code cesql} with an empty expression, and
 * {@code all} / {@code any} / {@code not} over such filters only. An ignored filter is left out of the
 * {@code all} / {@code any} around it, and {@code not} of it is ignored too. (Knative's tri-state results give
 * order-dependent answers when such a filter sits beside others; Kumo's answer is Knative's with it placed first.)
 */
public final class Filters {

    private Filters() {
    }

    /** The filter of a Trigger: {@code filters} when it has any (ANDed), else {@code filter.attributes}. */
    public static EventFilter forTrigger(Map<String, String> attributes, List<FilterSpec> filters) {
        if (!filters.isEmpty()) {
            return compile(filters);
        }
        return compile(new FilterSpec.Attributes(attributes), "filter.attributes").orElse(EventFilter.matchAll());
    }

    /** Knative's {@code filters}: every filter must pass; no filters pass every event. */
    public static EventFilter compile(List<FilterSpec> filters) {
        return combine(filters, "filters", AllOf::new).orElse(EventFilter.matchAll());
    }

    /** One filter; an ignored one (see above) passes every event. */
    public static EventFilter compile(FilterSpec filter) {
        return compile(filter, "").orElse(EventFilter.matchAll());
    }

    private static Optional<EventFilter> compile(FilterSpec spec, String field) {
        return switch (spec) {
            case FilterSpec.Exact exact -> match(Comparison.EXACT, exact.attributes());
            case FilterSpec.Prefix prefix -> match(Comparison.PREFIX, prefix.attributes());
            case FilterSpec.Suffix suffix -> match(Comparison.SUFFIX, suffix.attributes());
            case FilterSpec.Attributes legacy -> legacy.attributes().isEmpty()
                    ? Optional.empty()
                    : Optional.of(AttributeMatch.of(Comparison.ATTRIBUTES, legacy.attributes()));
            case FilterSpec.All all -> combine(all.filters(), child(field, "all"), AllOf::new);
            case FilterSpec.Any any -> combine(any.filters(), child(field, "any"), AnyOf::new);
            case FilterSpec.Not not -> compile(not.filter(), child(field, "not")).map(Negation::new);
            case FilterSpec.Cesql cesql -> cesql.expression().isEmpty()
                    ? Optional.empty()
                    : Optional.of(CesqlFilter.compile(cesql.expression(), child(field, "cesql")));
        };
    }

    private static Optional<EventFilter> match(Comparison comparison, Map<String, String> attributes) {
        boolean ignored = attributes.isEmpty()
                || attributes.entrySet().stream().anyMatch(e -> e.getKey().isEmpty() || e.getValue().isEmpty());
        return ignored ? Optional.empty() : Optional.of(AttributeMatch.of(comparison, attributes));
    }

    /** The compiled non-ignored filters joined by {@code join}; a single one stands alone. */
    private static Optional<EventFilter> combine(List<FilterSpec> specs, String field,
            Function<List<EventFilter>, EventFilter> join) {
        List<EventFilter> filters = new ArrayList<>(specs.size());
        for (int i = 0; i < specs.size(); i++) {
            compile(specs.get(i), field + "[" + i + "]").ifPresent(filters::add);
        }
        return switch (filters.size()) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(filters.getFirst());
            default -> Optional.of(join.apply(filters));
        };
    }

    private static String child(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }
}

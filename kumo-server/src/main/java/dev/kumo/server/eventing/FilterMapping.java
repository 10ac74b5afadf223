package dev.kumo.server.eventing;

import dev.kumo.api.eventing.SubscriptionsApiFilter;
import dev.kumo.eventing.filter.FilterSpec;
import java.util.List;
import java.util.Map;

/** A Trigger's {@code filters} as written turned into the mesh's filter specs (one dialect per filter). */
final class FilterMapping {

    private FilterMapping() {
    }

    static List<FilterSpec> toMesh(List<SubscriptionsApiFilter> filters) {
        return filters.stream().map(FilterMapping::toMesh).toList();
    }

    /** The one dialect set; admission refuses a filter with several, and one with none is ignored, as Knative does. */
    static FilterSpec toMesh(SubscriptionsApiFilter filter) {
        if (filter.all() != null) {
            return new FilterSpec.All(toMesh(filter.all()));
        }
        if (filter.any() != null) {
            return new FilterSpec.Any(toMesh(filter.any()));
        }
        if (filter.not() != null) {
            return new FilterSpec.Not(toMesh(filter.not()));
        }
        if (filter.prefix() != null) {
            return new FilterSpec.Prefix(filter.prefix());
        }
        if (filter.suffix() != null) {
            return new FilterSpec.Suffix(filter.suffix());
        }
        if (filter.cesql() != null) {
            return new FilterSpec.Cesql(filter.cesql());
        }
        return new FilterSpec.Exact(filter.exact() == null ? Map.of() : filter.exact());
    }
}

package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.cli.service.KeyValueEdits;
import java.util.List;

/**
 * Writes {@code --filter} and {@code --filters-cesql} into a Trigger's spec so that every one of them counts.
 * <p>
 * Knative reads {@code spec.filter} only when {@code spec.filters} is empty, so the attributes stay in
 * {@code spec.filter.attributes} (as kn writes them) while they are the only filter, and otherwise become an
 * {@code exact} entry first in {@code spec.filters}, which must all match. An attribute filter found in either
 * place is the one {@code --filter} edits; {@code --filters-cesql} replaces the other entries of {@code filters}.
 */
final class TriggerFilters {

    private static final String EXACT = "exact";

    private TriggerFilters() {
    }

    /** Applies the attribute edits and, unless {@code cesql} is null, the expression (empty: none) to {@code spec}. */
    static void edit(ObjectNode spec, List<String> attributeEdits, String cesql) {
        if (attributeEdits.isEmpty() && cesql == null) {
            return;
        }
        ArrayNode filters = spec.path("filters").isArray() ? spec.withArrayProperty("filters").deepCopy()
                : JsonNodeFactory.instance.arrayNode();
        ObjectNode attributes = takeAttributes(spec, filters);
        KeyValueEdits.apply(attributes, attributeEdits, "--filter");
        if (cesql != null) {
            filters.removeAll();
            if (!cesql.isEmpty()) {
                filters.addObject().put("cesql", cesql);
            }
        }
        if (filters.isEmpty()) {
            spec.remove("filters");
            if (attributes.isEmpty()) {
                spec.remove("filter");
            } else {
                spec.putObject("filter").set("attributes", attributes);
            }
        } else {
            spec.remove("filter");
            if (!attributes.isEmpty()) {
                filters.insert(0, JsonNodeFactory.instance.objectNode().set(EXACT, attributes));
            }
            spec.set("filters", filters);
        }
    }

    /** The attributes of the first lone {@code exact} entry of {@code filters} (taken out), else the legacy ones. */
    private static ObjectNode takeAttributes(ObjectNode spec, ArrayNode filters) {
        for (int i = 0; i < filters.size(); i++) {
            JsonNode entry = filters.get(i);
            if (isExact(entry)) {
                filters.remove(i);
                return (ObjectNode) entry.path(EXACT);
            }
        }
        JsonNode legacy = spec.path("filter").path("attributes");
        return legacy.isObject() ? (ObjectNode) legacy.deepCopy() : JsonNodeFactory.instance.objectNode();
    }

    /** Whether {@code filter}, one entry of {@code spec.filters}, is an attribute filter as {@link #edit} writes it. */
    static boolean isExact(JsonNode filter) {
        return filter.size() == 1 && filter.path(EXACT).isObject();
    }

    /** The attributes of an {@link #isExact} entry. */
    static JsonNode attributes(JsonNode exactFilter) {
        return exactFilter.path(EXACT);
    }
}

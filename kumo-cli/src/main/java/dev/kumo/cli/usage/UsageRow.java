package dev.kumo.cli.usage;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One line of {@code kumo usage}: a Service's (or a Revision's) usage, summed over a report's items. */
record UsageRow(String namespace, String service, String revision, long requests, double instanceSeconds,
        double memoryGibSeconds, double cpuSeconds, long coldStarts, long eventsDelivered) {

    /** The report's items summed per Service ({@code perRevision} false) or per Revision, in the report's order. */
    static List<UsageRow> of(JsonNode items, boolean perRevision) {
        Map<List<String>, UsageRow> rows = new LinkedHashMap<>();
        for (JsonNode item : items) {
            String service = item.path("service").asText();
            String revision = item.path("revision").asText();
            // Events are delivered to a Service, not a Revision: per Revision they have a line of their own.
            String name = service.isEmpty() ? revision : service;
            UsageRow row = new UsageRow(item.path("namespace").asText(), name, perRevision ? revision : "",
                    item.path("requests").asLong(), item.path("instanceSeconds").asDouble(),
                    item.path("memoryGibSeconds").asDouble(), item.path("cpuSeconds").asDouble(),
                    item.path("coldStarts").asLong(), item.path("eventsDelivered").asLong());
            rows.merge(List.of(row.namespace, row.service, row.revision), row, UsageRow::plus);
        }
        return List.copyOf(rows.values());
    }

    /** The sum of {@code rows}, as one line named {@code TOTAL}. */
    static UsageRow total(Collection<UsageRow> rows) {
        return rows.stream().reduce(new UsageRow("", "TOTAL", "", 0, 0, 0, 0, 0, 0), UsageRow::plus);
    }

    private UsageRow plus(UsageRow other) {
        return new UsageRow(namespace, service, revision, requests + other.requests,
                instanceSeconds + other.instanceSeconds, memoryGibSeconds + other.memoryGibSeconds,
                cpuSeconds + other.cpuSeconds, coldStarts + other.coldStarts, eventsDelivered + other.eventsDelivered);
    }
}

package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import java.util.List;

/**
 * kn's {@code source list}, the one eventing table that mixes kinds and so is built here; each kind's own list is
 * the server's kn Table.
 */
public final class EventingTables {

    private EventingTables() {
    }

    /** Sources of every kind, as {@code kn source list}: {@code NAME TYPE RESOURCE SINK READY}. */
    public static Table sources(List<JsonNode> items) {
        Table table = new Table("NAME", "TYPE", "RESOURCE", "SINK", "READY");
        for (JsonNode item : items) {
            String resource = KindCatalog.forManifest(item.path("apiVersion").asText(), item.path("kind").asText())
                    .map(type -> type.plural() + "." + type.group()).orElse("");
            table.row(item.path("metadata").path("name").asText(), item.path("kind").asText(), resource,
                    Sink.describe(item.at("/spec/sink")), Conditions.ready(item));
        }
        return table;
    }
}

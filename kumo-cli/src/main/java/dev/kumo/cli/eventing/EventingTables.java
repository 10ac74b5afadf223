package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * kn's list columns for the eventing kinds: {@code NAME URL AGE CONDITIONS READY REASON} (brokers),
 * {@code NAME BROKER SINK …} (triggers), {@code NAME SCHEDULE SINK …} (ping sources).
 */
public final class EventingTables {

    private EventingTables() {
    }

    public static Table brokers(List<JsonNode> items, Instant now) {
        return table(items, now, List.of("URL"), b -> List.of(b.at("/status/address/url").asText("")));
    }

    public static Table triggers(List<JsonNode> items, Instant now) {
        return table(items, now, List.of("BROKER", "SINK"), t -> List.of(t.at("/spec/broker").asText(""),
                Sink.describe(t.at("/spec/subscriber"))));
    }

    public static Table pingSources(List<JsonNode> items, Instant now) {
        return table(items, now, List.of("SCHEDULE", "SINK"), p -> List.of(p.at("/spec/schedule").asText(""),
                Sink.describe(p.at("/spec/sink"))));
    }

    private static Table table(List<JsonNode> items, Instant now, List<String> middle,
            Function<JsonNode, List<String>> cells) {
        List<String> headers = new ArrayList<>(List.of("NAME"));
        headers.addAll(middle);
        headers.addAll(List.of("AGE", "CONDITIONS", "READY", "REASON"));
        Table table = new Table(headers);
        for (JsonNode item : items) {
            List<String> row = new ArrayList<>(List.of(item.path("metadata").path("name").asText()));
            row.addAll(cells.apply(item));
            row.addAll(List.of(Age.of(item, now), Conditions.okOfTotal(item), Conditions.ready(item),
                    Conditions.notReadyReason(item)));
            table.row(row);
        }
        return table;
    }
}

package dev.kumo.cli.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.client.KindCatalog;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * kn's list columns for the eventing kinds: {@code NAME URL AGE CONDITIONS READY REASON} (brokers),
 * {@code NAME BROKER SINK …} (triggers), {@code NAME SCHEDULE SINK …} (ping sources), {@code RESOURCES},
 * {@code SUBJECT} or {@code IMAGE} then {@code SINK} (the other sources); and kn's {@code source list}.
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

    public static Table apiServerSources(List<JsonNode> items, Instant now) {
        return table(items, now, List.of("RESOURCES", "SINK"), a -> {
            List<String> resources = new ArrayList<>();
            a.at("/spec/resources").forEach(resource -> resources.add(KindFlag.describe(resource)));
            return List.of(String.join(",", resources), Sink.describe(a.at("/spec/sink")));
        });
    }

    public static Table sinkBindings(List<JsonNode> items, Instant now) {
        return table(items, now, List.of("SUBJECT", "SINK"), b -> List.of(b.at("/spec").has("subject")
                ? KindFlag.describe(b.at("/spec/subject")) : "", Sink.describe(b.at("/spec/sink"))));
    }

    /** ContainerSources; the IMAGE column shows the command for a process without an image. */
    public static Table containerSources(List<JsonNode> items, Instant now) {
        return table(items, now, List.of("IMAGE", "SINK"), c -> {
            JsonNode container = c.at("/spec/template/spec/containers/0");
            return List.of(container.path("image").asText(ContainerCommand.commandLine(container)),
                    Sink.describe(c.at("/spec/sink")));
        });
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

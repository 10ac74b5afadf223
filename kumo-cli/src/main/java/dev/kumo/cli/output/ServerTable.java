package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code meta.k8s.io/v1} Table the server sent, printed as kubectl prints one: the priority-0 columns (every
 * column with {@code -o wide}), headers in upper case, {@code type: date} cells as ages at the CLI's clock.
 */
public final class ServerTable {

    private ServerTable() {
    }

    /** The table's rows, each with the metadata of its object ({@code row.object.metadata}). */
    public static List<JsonNode> rows(JsonNode table) {
        List<JsonNode> rows = new ArrayList<>();
        table.path("rows").forEach(rows::add);
        return rows;
    }

    /** The metadata of a row's object. */
    public static JsonNode metadata(JsonNode row) {
        return row.path("object").path("metadata");
    }

    /** {@code rows} (of {@code table}) as a printable table at {@code now}, every column when {@code wide}. */
    public static Table of(JsonNode table, List<JsonNode> rows, Instant now, boolean wide) {
        List<Integer> shown = new ArrayList<>();
        List<String> headers = new ArrayList<>();
        JsonNode definitions = table.path("columnDefinitions");
        for (int i = 0; i < definitions.size(); i++) {
            if (wide || definitions.get(i).path("priority").asInt(0) == 0) {
                shown.add(i);
                headers.add(definitions.get(i).path("name").asText().toUpperCase());
            }
        }
        Table printed = new Table(headers);
        for (JsonNode row : rows) {
            List<String> cells = new ArrayList<>();
            for (int i : shown) {
                JsonNode cell = row.path("cells").path(i);
                boolean date = definitions.get(i).path("type").asText().equals("date");
                cells.add(date ? Age.since(cell.asText(""), now) : cell.asText(""));
            }
            printed.row(cells);
        }
        return printed;
    }
}

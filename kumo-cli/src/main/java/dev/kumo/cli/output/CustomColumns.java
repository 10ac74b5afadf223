package dev.kumo.cli.output;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.printing.JsonPath;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl's {@code -o custom-columns=HEADER:PATH,…}: one row per object (each item of a list), a cell the nodes the
 * path selects joined by commas, {@code <none>} when it selects nothing.
 */
public final class CustomColumns {

    private record Column(String header, JsonPath path) {
    }

    private final List<Column> columns;

    private CustomColumns(List<Column> columns) {
        this.columns = columns;
    }

    /** Parses {@code NAME:.metadata.name,URL:.status.url}; a column without a path is refused naming it. */
    public static CustomColumns parse(String spec) {
        List<Column> columns = new ArrayList<>();
        for (String column : spec.split(",")) {
            int colon = column.indexOf(':');
            if (colon <= 0 || colon == column.length() - 1) {
                throw new IllegalArgumentException("custom-columns: \"" + column + "\" is not HEADER:JSONPATH "
                        + "(e.g. NAME:.metadata.name)");
            }
            columns.add(new Column(column.substring(0, colon), JsonPath.parse(column.substring(colon + 1))));
        }
        return new CustomColumns(List.copyOf(columns));
    }

    /** The table of an object, or of a list's items. */
    public Table table(JsonNode node) {
        Table table = new Table(columns.stream().map(Column::header).toList());
        List<JsonNode> objects = new ArrayList<>();
        if (node.has("items")) {
            node.path("items").forEach(objects::add);
        } else {
            objects.add(node);
        }
        for (JsonNode object : objects) {
            table.row(columns.stream().map(column -> cell(column.path().select(object))).toList());
        }
        return table;
    }

    private static String cell(List<JsonNode> nodes) {
        if (nodes.isEmpty()) {
            return "<none>";
        }
        return String.join(",", nodes.stream().map(n -> n.isValueNode() ? n.asText() : n.toString()).toList());
    }
}

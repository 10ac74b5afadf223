package dev.kumo.api.printing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.time.Instant;
import java.util.List;

/**
 * Builds {@code meta.k8s.io/v1} Tables from printer columns. Cells are text rendered on the server (kubectl's ages
 * included) and declared {@code type: string}, except timestamps sent for the client to render, declared
 * {@code type: date}; each row carries the object's metadata as PartialObjectMetadata.
 */
public final class Tables {

    private Tables() {
    }

    public static ObjectNode table(List<PrinterColumn> columns, List<? extends JsonNode> objects,
            long resourceVersion, Instant now) {
        ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", Long.toString(resourceVersion));
        ArrayNode definitions = table.putArray("columnDefinitions");
        for (PrinterColumn column : columns) {
            definitions.addObject().put("name", column.name()).put("type", column.tableType()).put("format", column.format())
                    .put("description", column.name()).put("priority", column.priority());
        }
        ArrayNode rows = table.putArray("rows");
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            columns.forEach(column -> cells.add(column.cell(object, now)));
            ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
                    .put("apiVersion", "meta.k8s.io/v1");
            partial.set("metadata", object.path("metadata").deepCopy());
        }
        return table;
    }
}

package dev.kumo.cli.route;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import java.util.List;

/** kn's route list columns: NAME URL READY. */
public final class RouteTable {

    private RouteTable() {
    }

    public static Table of(List<JsonNode> routes) {
        Table table = new Table("NAME", "URL", "READY");
        for (JsonNode route : routes) {
            table.row(route.path("metadata").path("name").asText(), route.path("status").path("url").asText(""),
                    Conditions.ready(route));
        }
        return table;
    }
}

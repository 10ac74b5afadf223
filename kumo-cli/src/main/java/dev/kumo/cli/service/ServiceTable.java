package dev.kumo.cli.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.cli.output.Age;
import dev.kumo.cli.output.Conditions;
import dev.kumo.cli.output.Table;
import java.time.Instant;
import java.util.List;

/** kn's service list columns: NAME URL LATEST AGE CONDITIONS READY REASON. */
public final class ServiceTable {

    private ServiceTable() {
    }

    public static Table of(List<JsonNode> services, Instant now) {
        Table table = new Table("NAME", "URL", "LATEST", "AGE", "CONDITIONS", "READY", "REASON");
        for (JsonNode service : services) {
            JsonNode status = service.path("status");
            table.row(service.path("metadata").path("name").asText(), status.path("url").asText(""),
                    status.path("latestCreatedRevisionName").asText(""), Age.of(service, now),
                    Conditions.okOfTotal(service), Conditions.ready(service), Conditions.notReadyReason(service));
        }
        return table;
    }
}

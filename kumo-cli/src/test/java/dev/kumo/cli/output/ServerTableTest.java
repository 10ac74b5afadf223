package dev.kumo.cli.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ServerTableTest {

    private static final JsonNode TABLE = Json.parseObject("""
            {"kind": "Table", "apiVersion": "meta.k8s.io/v1",
             "columnDefinitions": [
                 {"name": "NAME", "type": "string", "format": "name", "priority": 0},
                 {"name": "url", "type": "string", "format": "", "priority": 0},
                 {"name": "CLASS", "type": "string", "format": "", "priority": 1},
                 {"name": "AGE", "type": "date", "format": "", "priority": 0}],
             "rows": [
                 {"cells": ["b", "http://b", "MT", "2025-01-01T00:00:00Z"],
                  "object": {"metadata": {"name": "b", "namespace": "team"}}},
                 {"cells": ["a", "", "MT", ""], "object": {"metadata": {"name": "a", "namespace": "team"}}}]}
            """);

    @Test
    void printsTheDefaultColumnsUpperCasedWithDatesAsAges() {
        Table table = ServerTable.of(TABLE, ServerTable.rows(TABLE), Instant.parse("2025-01-01T00:05:00Z"), false);

        assertThat(table.render(true)).isEqualTo("""
                NAME   URL        AGE
                b      http://b   5m
                a                 <unknown>
                """);
    }

    @Test
    void rowsCarryTheirObjectsMetadata() {
        assertThat(ServerTable.rows(TABLE).stream().map(r -> ServerTable.metadata(r).path("name").asText()))
                .containsExactly("b", "a");
    }
}

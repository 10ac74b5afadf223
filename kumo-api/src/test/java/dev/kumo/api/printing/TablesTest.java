package dev.kumo.api.printing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.registry.BuiltInKinds;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TablesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T00:05:00Z");

    @Test
    void aTableHasTheKindsColumnsAndOneRowPerObjectWithItsMetadata() {
        KindDefinition broker = BuiltInKinds.all().resolve("broker").orElseThrow();
        ObjectNode object = Json.parseObject("""
                {"metadata": {"name": "default", "namespace": "team", "creationTimestamp": "2025-01-01T00:00:00Z",
                              "annotations": {"eventing.knative.dev/broker.class": "MTChannelBasedBroker"}},
                 "status": {"address": {"url": "http://b"}, "conditions": [{"type": "Ready", "status": "True"}]}}
                """);

        ObjectNode table = Tables.table(broker.printing().columns(TableProfile.KUBECTL), List.of(object), 7, NOW);

        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.at("/metadata/resourceVersion").asText()).isEqualTo("7");
        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "URL", "Age", "Ready", "Reason", "Class");
        assertThat(table.path("columnDefinitions").findValuesAsText("type")).containsOnly("string");
        assertThat(table.at("/columnDefinitions/5/priority").asInt()).isEqualTo(1);
        assertThat(table.at("/rows/0/cells").toString())
                .isEqualTo("[\"default\",\"http://b\",\"5m\",\"True\",\"\",\"MTChannelBasedBroker\"]");
        assertThat(table.at("/rows/0/object/kind").asText()).isEqualTo("PartialObjectMetadata");
        assertThat(table.at("/rows/0/object/metadata/namespace").asText()).isEqualTo("team");
    }

    @Test
    void knTablesSendAgesAsTimestampsTypedDate() {
        KindDefinition broker = BuiltInKinds.all().resolve("broker").orElseThrow();
        ObjectNode table = Tables.table(broker.printing().columns(TableProfile.KN), List.of(Json.parseObject(
                "{\"metadata\": {\"name\": \"b\", \"creationTimestamp\": \"2025-01-01T00:00:00Z\"}}")), 1, NOW);

        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("NAME", "URL", "AGE", "CONDITIONS", "READY", "REASON");
        assertThat(table.at("/columnDefinitions/2/type").asText()).isEqualTo("date");
        assertThat(table.at("/rows/0/cells/2").asText()).isEqualTo("2025-01-01T00:00:00Z");
    }

    @Test
    void everyBuiltInKindStartsBothTablesWithItsName() {
        for (KindDefinition kind : BuiltInKinds.all().all()) {
            for (TableProfile profile : TableProfile.values()) {
                assertThat(kind.printing().columns(profile).get(0).format()).as(kind.type().kind() + " " + profile)
                        .isEqualTo("name");
            }
        }
    }

    @Test
    void theProfileComesFromTheAcceptHeader() {
        assertThat(TableProfile.fromAccept("application/json;as=Table;v=v1;g=meta.k8s.io,application/json"))
                .isEqualTo(TableProfile.KUBECTL);
        assertThat(TableProfile.fromAccept("application/json;as=Table;v=v1;g=meta.k8s.io"
                + TableProfile.KN.mediaTypeParameter() + ",application/json")).isEqualTo(TableProfile.KN);
    }
}

package dev.kumo.api.printing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsonPathTest {

    private static final ObjectNode OBJECT = Json.parseObject("""
            {"metadata": {"name": "hello", "labels": {"serving.knative.dev/service": "hello"}},
             "data": {"a": "1", "b": "2"}, "binaryData": {"c": "3"},
             "spec": {"resources": [{"kind": "Event"}, {"kind": "Pod"}], "nothing": null},
             "status": {"conditions": [
                 {"type": "ConfigurationsReady", "status": "True"},
                 {"type": "Ready", "status": "False", "reason": "RevisionFailed"}]}}
            """);

    record Row(String path, List<String> want) {
        @Override
        public String toString() {
            return path;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row(".metadata.name", List.of("\"hello\"")),
                new Row("{.metadata.name}", List.of("\"hello\"")),
                new Row(".metadata.labels['serving.knative.dev/service']", List.of("\"hello\"")),
                new Row(".status.conditions[?(@.type==\"Ready\")].status", List.of("\"False\"")),
                new Row(".status.conditions[?(@.type=='Ready')].reason", List.of("\"RevisionFailed\"")),
                new Row(".status.conditions[0].type", List.of("\"ConfigurationsReady\"")),
                new Row(".spec.resources[*].kind", List.of("\"Event\"", "\"Pod\"")),
                new Row("['data','binaryData']", List.of("{\"a\":\"1\",\"b\":\"2\"}", "{\"c\":\"3\"}")),
                new Row(".status.url", List.of()),
                new Row(".spec.nothing", List.of()),
                new Row(".status.conditions[5]", List.of()),
                new Row(".status.conditions[?(@.type==\"Missing\")].status", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void selects(Row row) {
        assertThat(JsonPath.parse(row.path()).select(OBJECT).stream().map(JsonNode::toString).toList())
                .isEqualTo(row.want());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertThatThrownBy(() -> JsonPath.parse(".a[?(@.b>1)]")).hasMessageContaining("filters");
        assertThatThrownBy(() -> JsonPath.parse(".a[x]")).hasMessageContaining("cannot read [x]");
        assertThatThrownBy(() -> JsonPath.parse(".a['b'")).hasMessageContaining("unclosed");
        assertThatThrownBy(() -> JsonPath.parse("a.b")).hasMessageContaining("unexpected 'a'");
    }
}

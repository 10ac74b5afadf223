package dev.kumo.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class TypedCodecTest {

    record Port(Integer containerPort) {
    }

    record Container(String name, List<Port> ports) {
    }

    record Spec(List<Container> containers, Container main) {
    }

    record Root(String kind, Spec spec) {
    }

    record Row(String json, List<String> unknown) {
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("{\"kind\":\"x\",\"bogus\":1}", List.of("bogus")),
                new Row("{\"bogus\":{\"a\":1},\"kind\":\"x\"}", List.of("bogus")),
                new Row("{\"spec\":{\"bogus\":[1,2]}}", List.of("spec.bogus")),
                new Row("{\"spec\":{\"main\":{\"bogus\":true}}}", List.of("spec.main.bogus")),
                new Row("{\"spec\":{\"containers\":[{\"name\":\"a\",\"bogus\":1}]}}",
                        List.of("spec.containers[0].bogus")),
                new Row("{\"spec\":{\"containers\":[{\"name\":\"a\"},{\"bogus\":{\"x\":1},\"name\":\"b\"}]}}",
                        List.of("spec.containers[1].bogus")),
                new Row("{\"spec\":{\"containers\":[{\"ports\":[{\"containerPort\":1},{\"hostPort\":2}]}]}}",
                        List.of("spec.containers[0].ports[1].hostPort")),
                new Row("{\"spec\":{\"containers\":[{\"lifecycle\":{\"preStop\":{}}},{\"x\":[{\"y\":1}]}],\"z\":1}}",
                        List.of("spec.containers[0].lifecycle", "spec.containers[1].x", "spec.z")));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void reportsUnknownFieldsWithTheirFullPath(Row row) {
        TypedCodec.Decoded<Root> decoded = TypedCodec.decode(Json.parseObject(row.json()), Root.class);

        assertThat(decoded.unknownFields()).containsExactlyElementsOf(row.unknown());
    }

    @Test
    void refusesAFractionWhereAnIntegerIsWantedNamingTheField() {
        ObjectNode tree = Json.parseObject("{\"spec\":{\"containers\":[{\"ports\":[{\"containerPort\":80.5}]}]}}");

        assertThatThrownBy(() -> TypedCodec.decode(tree, Root.class)).isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Root in version \"v1\" cannot be handled: "
                        + "spec.containers[0].ports[0].containerPort: wrong type:");
    }

    record Labelled(java.util.Map<String, String> labels, List<Container> containers) {
    }

    @Test
    void aWrongTypeIsSaidInJsonsWordsWithTheValueGiven() {
        assertThatThrownBy(() -> TypedCodec.decode(Json.parseObject("{\"containers\":\"abc\"}"), Labelled.class))
                .hasMessage("Labelled in version \"v1\" cannot be handled: containers: wrong type: expected a list, "
                        + "got a string \"abc\"");
        assertThatThrownBy(() -> TypedCodec.decode(Json.parseObject("{\"labels\":[1]}"), Labelled.class))
                .hasMessageEndingWith("labels: wrong type: expected an object of keys and values, got a list");
        assertThatThrownBy(() -> TypedCodec.decode(Json.parseObject(
                "{\"spec\":{\"containers\":[{\"ports\":[{\"containerPort\":80.5}]}]}}"), Root.class))
                .hasMessageEndingWith("containerPort: wrong type: expected a whole number, got the number 80.5");
    }

    @Test
    void refusesANullInsideAMapOrAListNamingTheEntry() {
        assertThatThrownBy(() -> TypedCodec.decode(Json.parseObject("{\"labels\":{\"a\":\"1\",\"k\":null}}"),
                Labelled.class)).isInstanceOf(ApiException.class).hasMessage("Labelled in version \"v1\" cannot be "
                + "handled: labels.k: null is not allowed here, give a value or leave the entry out");
        assertThatThrownBy(() -> TypedCodec.decode(Json.parseObject("{\"containers\":[{\"name\":\"a\"},null]}"),
                Labelled.class)).isInstanceOf(ApiException.class)
                .hasMessageContaining("cannot be handled: containers[1]: null is not allowed here");
    }

    @Test
    void refusesAnObjectGivenAsTextNamingTheField() {
        assertThatThrownBy(() -> TypedCodec.decode(Json.parseObject("{\"spec\":\"x\"}"), Root.class))
                .isInstanceOf(ApiException.class)
                .hasMessageStartingWith("Root in version \"v1\" cannot be handled: spec: wrong type:");
    }
}

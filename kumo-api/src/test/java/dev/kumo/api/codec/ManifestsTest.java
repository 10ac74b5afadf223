package dev.kumo.api.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.ApiException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Manifests yield every object of a JSON text, a multi-document YAML text or a List, in order. */
class ManifestsTest {

    record Row(String name, String text, List<String> names) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("one JSON object", "{\"kind\":\"Service\",\"metadata\":{\"name\":\"a\"}}", List.of("a")),
                new Row("one YAML document", "kind: Service\nmetadata: {name: a}\n", List.of("a")),
                new Row("several documents", "kind: Service\nmetadata: {name: a}\n---\nkind: Route\nmetadata: "
                        + "{name: b}\n", List.of("a", "b")),
                new Row("empty documents are skipped", "---\n---\nkind: Service\nmetadata: {name: a}\n---\n"
                        + "# only a comment\n---\n", List.of("a")),
                new Row("a List is unpacked", "kind: List\nitems:\n- {kind: Service, metadata: {name: a}}\n"
                        + "- {kind: Route, metadata: {name: b}}\n---\nkind: Configuration\nmetadata: {name: c}\n",
                        List.of("a", "b", "c")),
                new Row("nothing at all", "", List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsEveryObjectInOrder(Row row) {
        assertThat(Manifests.read(row.text())).extracting(o -> o.path("metadata").path("name").asText())
                .containsExactlyElementsOf(row.names());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void refusesWhatIsNotAnObject(String text, String message) {
        assertThatThrownBy(() -> Manifests.read(text)).isInstanceOf(ApiException.class).hasMessageContaining(message);
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> badInputs() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("kind: Service\n---\n- a\n- b\n",
                        "document 2 is a ARRAY, want an object with kind"),
                org.junit.jupiter.params.provider.Arguments.of("kind: [unclosed\n", "malformed YAML or JSON"));
    }

    @org.junit.jupiter.api.Test
    void writesYamlThatReadsBack() {
        ObjectNode object = Manifests.read("kind: Service\nmetadata: {name: a, labels: {x: 'y'}}\n").get(0);

        assertThat(Manifests.read(Manifests.writeYaml(object))).containsExactly(object);
    }

    @org.junit.jupiter.api.Test
    void stringsThatLookLikeNumbersOrBooleansStayStrings() {
        ObjectNode object = Manifests.read("""
                kind: Service
                metadata:
                  resourceVersion: "2"
                  annotations: {autoscaling.knative.dev/min-scale: "0", flag: "true", ratio: "1.5"}
                """).get(0);

        String yaml = Manifests.writeYaml(object);

        assertThat(Manifests.read(yaml)).containsExactly(object);
        assertThat(yaml).contains("resourceVersion: \"2\"");
    }
}

package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.admit;
import static dev.kumo.api.serving.ServingFixtures.normalized;
import static dev.kumo.api.serving.ServingFixtures.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.kinds.Admitted;
import dev.kumo.api.meta.HasMetadata;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Real Knative manifests admit cleanly and round-trip through the records without losing a field. */
class ServingSamplesTest {

    private static final Map<String, Class<? extends HasMetadata>> RECORDS = Map.of("Service", Service.class,
            "Configuration", Configuration.class, "Revision", Revision.class, "Route", Route.class);

    static Stream<Arguments> samples() {
        return Stream.of("helloworld-go.yaml", "traffic-split.yaml", "byo-revision-name.yaml", "autoscaling.yaml",
                "multi-doc.yaml", "process-command.yaml").flatMap(file -> resource(file).stream()
                        .map(object -> Arguments.of(file + " " + object.path("metadata").path("name").asText(),
                                object)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void admitsCleanly(String name, ObjectNode manifest) {
        Admitted admitted = admit(manifest.deepCopy());

        assertThat(admitted.warnings()).isEmpty();
        assertContains(normalized(admitted.object()), normalized(manifest), "");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsThroughTheRecords(String name, ObjectNode manifest) {
        TypedCodec.Decoded<? extends HasMetadata> decoded =
                TypedCodec.decode(manifest, RECORDS.get(manifest.path("kind").asText()));

        assertThat(decoded.unknownFields()).isEmpty();
        assertThat(normalized(decoded.value())).isEqualTo(normalized(manifest));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void admittingTwiceChangesNothingMore(String name, ObjectNode manifest) {
        ObjectNode once = admit(manifest.deepCopy()).object();

        assertThat(normalized(admit(once.deepCopy()).object())).isEqualTo(normalized(once));
    }

    /** Every field of {@code expected} is in {@code actual} with the same value; defaults may add more. */
    private static void assertContains(JsonNode actual, JsonNode expected, String path) {
        if (expected.isObject()) {
            for (Map.Entry<String, JsonNode> field : expected.properties()) {
                assertThat(actual.has(field.getKey())).as(path + "." + field.getKey()).isTrue();
                assertContains(actual.get(field.getKey()), field.getValue(), path + "." + field.getKey());
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertContains(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else {
            assertThat(actual).as(path).isEqualTo(expected);
        }
    }
}

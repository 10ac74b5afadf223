package dev.kumo.api.serving;

import static dev.kumo.api.serving.ServingFixtures.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.testing.KindFixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;



/** Real Knative manifests admit cleanly and round-trip through the records without losing a field. */
class ServingSamplesTest {

    private static final Map<String, Class<? extends HasMetadata>> RECORDS = Map.of("Service", Service.class,
            "Configuration", Configuration.class, "Revision", Revision.class, "Route", Route.class);
    private static final KindFixtures KINDS = new KindFixtures(ServingKinds.all());

    static Stream<Arguments> samples() {
        return Stream.of("helloworld-go.yaml", "traffic-split.yaml", "byo-revision-name.yaml", "autoscaling.yaml",
                "multi-doc.yaml", "process-command.yaml").flatMap(file -> resource(file).stream()
                        .map(object -> Arguments.of(file + " " + object.path("metadata").path("name").asText(),
                                object)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void admitsCleanly(String name, ObjectNode manifest) {
        KINDS.assertAdmitsCleanly(manifest);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void roundTripsThroughTheRecords(String name, ObjectNode manifest) {
        KindFixtures.assertRoundTrips(manifest, RECORDS.get(manifest.path("kind").asText()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void admittingTwiceChangesNothingMore(String name, ObjectNode manifest) {
        KINDS.assertAdmitsIdempotently(manifest);
    }
}

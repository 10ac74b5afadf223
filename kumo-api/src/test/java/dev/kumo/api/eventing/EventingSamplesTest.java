package dev.kumo.api.eventing;

import static dev.kumo.api.eventing.EventingFixtures.KINDS;
import static dev.kumo.api.testing.KindFixtures.resource;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.PingSource;
import dev.kumo.api.sources.SinkBinding;
import dev.kumo.api.testing.KindFixtures;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;



/** Knative's documented eventing manifests admit cleanly and round-trip through the records. */
class EventingSamplesTest {

    private static final Map<String, Class<? extends HasMetadata>> RECORDS = Map.of("Broker", Broker.class,
            "Trigger", Trigger.class, "PingSource", PingSource.class, "ApiServerSource", ApiServerSource.class,
            "SinkBinding", SinkBinding.class, "ContainerSource", ContainerSource.class);

    static Stream<Arguments> samples() {
        return Stream.of("brokers.yaml", "triggers.yaml", "sources.yaml").flatMap(file ->
                resource("eventing/" + file).stream().map(object -> Arguments.of(
                        file + " " + object.path("metadata").path("name").asText(), object)));
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

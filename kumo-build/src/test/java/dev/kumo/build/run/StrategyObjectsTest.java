package dev.kumo.build.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.shipwright.ShipwrightTypes;
import dev.kumo.build.spi.BuildOutcome;
import dev.kumo.build.spi.BuildOutput;
import dev.kumo.build.spi.BuildRequest;
import dev.kumo.build.spi.BuildStrategy;
import dev.kumo.build.spi.StrategyParameter;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import dev.kumo.store.StoreOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The built-in strategies as ClusterBuildStrategies: written by the server, kept in line, refused to clients. */
class StrategyObjectsTest {

    private final ResourceStore store = InMemoryStore.create(StoreOptions.DEFAULTS);

    @Test
    void eachStrategyIsOneObjectWithItsParametersAndNoSteps() {
        StrategyObjects.publish(store, Strategies.of(new Named("alpha", "builds a"), new Named("beta", "builds b")));

        ObjectNode alpha = store.get(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", "alpha").orElseThrow();
        assertThat(alpha.path("kind").asText()).isEqualTo("ClusterBuildStrategy");
        assertThat(alpha.at("/metadata/annotations").path(StrategyObjects.DESCRIPTION).asText()).isEqualTo("builds a");
        assertThat(alpha.at("/spec/steps")).isEmpty();
        assertThat(alpha.at("/spec/parameters/0/name").asText()).isEqualTo("level");
        assertThat(alpha.at("/spec/parameters/0/default").asText()).as("optional, as Shipwright reads it").isEmpty();
        assertThat(store.list(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, ListOptions.ALL).items()).hasSize(2);
    }

    @Test
    void publishingAgainChangesNothingAndAStrategyNoLongerBuiltInGoes() {
        StrategyObjects.publish(store, Strategies.of(new Named("alpha", "builds a"), new Named("beta", "builds b")));
        String version = store.get(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", "alpha").orElseThrow()
                .at("/metadata/resourceVersion").asText();

        StrategyObjects.publish(store, Strategies.of(new Named("alpha", "builds a")));

        assertThat(store.get(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", "alpha").orElseThrow()
                .at("/metadata/resourceVersion").asText()).isEqualTo(version);
        assertThat(store.get(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", "beta")).isEmpty();
        StrategyObjects.publish(store, Strategies.of(new Named("alpha", "builds a, now better")));
        assertThat(store.get(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, "", "alpha").orElseThrow()
                .at("/metadata/annotations").path(StrategyObjects.DESCRIPTION).asText())
                .isEqualTo("builds a, now better");
    }

    @Test
    void aClientsCreateIsRefusedNamingWhatToDoInstead() {
        ResourceStore admitted = new AdmittingStore(store, BuiltInKinds.all());
        ObjectNode mine = Json.object().put("apiVersion", "shipwright.io/v1beta1").put("kind", "ClusterBuildStrategy");
        mine.putObject("metadata").put("name", "kaniko");

        assertThatThrownBy(() -> admitted.create(ShipwrightTypes.CLUSTER_BUILD_STRATEGY, mine))
                .isInstanceOf(ApiException.class).hasMessageContaining("built into Kumo")
                .hasMessageContaining("spec.strategy.name");
    }

    /** A strategy with a name, a description and one parameter; it never builds here. */
    private record Named(String name, String description) implements BuildStrategy {

        @Override
        public List<StrategyParameter> parameters() {
            return List.of(new StrategyParameter("level", "how far", ""));
        }

        @Override
        public boolean detects(Path sourceDir) {
            return false;
        }

        @Override
        public BuildOutcome build(BuildRequest request, BuildOutput output) {
            throw new AssertionError("not built in this test");
        }
    }
}

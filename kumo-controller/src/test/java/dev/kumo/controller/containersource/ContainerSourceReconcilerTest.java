package dev.kumo.controller.containersource;

import static dev.kumo.controller.testing.EventingObjects.containerSource;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.sources.ContainerSource;
import dev.kumo.api.sources.SourceStatus;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingSourceRunner;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A ContainerSource records its sink on SinkBindingReady and its container on ReceiveAdapterReady. */
class ContainerSourceReconcilerTest {

    @Test
    void aRunningContainerWithItsSinkIsReady() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(containerSource("beat", Destination.of("http://127.0.0.1:9000/"))));
            RecordingSourceRunner<ContainerSource> runner = new RecordingSourceRunner<>();

            ContainerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker())
                    .reconcile(new NamespacedName("default", "beat"));

            assertThat(status(store, "beat")).isEqualTo(Normalized.status(SourceStatus.builder()
                    .observedGeneration(1L)
                    .conditions(List.of(condition("Ready", "True"), condition("ReceiveAdapterReady", "True"),
                            condition("SinkBindingReady", "True")))
                    .sinkUri("http://127.0.0.1:9000/").build()));
            assertThat(runner.sink("default", "beat")).contains(URI.create("http://127.0.0.1:9000/"));
        }
    }

    @Test
    void aContainerThatCannotRunAndAMissingSinkSayWhy() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(containerSource("broken-beat", Destination.of("http://127.0.0.1:9000/")),
                    containerSource("lost", ksvc("nobody"))));
            RecordingSourceRunner<ContainerSource> runner = new RecordingSourceRunner<>();
            var reconciler = ContainerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker());

            reconciler.reconcile(new NamespacedName("default", "broken-beat"));
            reconciler.reconcile(new NamespacedName("default", "lost"));

            assertThat(status(store, "broken-beat").at("/conditions/1")).isEqualTo(Normalized.status(condition(
                    "ReceiveAdapterReady", "False", "NotDeployed", "cannot run broken-beat")));
            assertThat(status(store, "lost").at("/conditions/2/reason").asText()).isEqualTo("NotFound");
            assertThat(runner.sink("default", "lost")).isEmpty();
        }
    }

    private static JsonNode status(ResourceStore store, String name) {
        return Normalized.status(store.get(ResourceTypes.CONTAINER_SOURCE, "default", name).orElseThrow()
                .get("status"));
    }
}

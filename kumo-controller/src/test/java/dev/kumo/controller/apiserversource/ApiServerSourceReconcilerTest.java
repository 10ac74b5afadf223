package dev.kumo.controller.apiserversource;

import static dev.kumo.controller.testing.EventingObjects.apiServerSource;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.codec.Json;
import dev.kumo.api.core.Namespace;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.sources.ApiServerSource;
import dev.kumo.api.sources.ApiServerSourceSpec;
import dev.kumo.api.sources.SourceStatus;
import dev.kumo.controller.duck.Tracker;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingSourceRunner;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiServerSourceReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "watch");

    @Test
    void aSourceWithASinkRunsWithSufficientPermissions() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(apiServerSource("watch", Destination.of("http://127.0.0.1:9000/"))));
            RecordingSourceRunner<ApiServerSource> runner = new RecordingSourceRunner<>();

            ApiServerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker()).reconcile(KEY);

            assertThat(status(store)).isEqualTo(ready(List.of("default")));
            assertThat(runner.sink("default", "watch")).contains(URI.create("http://127.0.0.1:9000/"));
        }
    }

    @Test
    void aSourceWithANamespaceSelectorReportsTheMatchingNamespaces() {
        try (ResourceStore store = InMemoryStore.create()) {
            namespace(store, "dev-b", "dev");
            namespace(store, "prod", "prod");
            namespace(store, "dev-a", "dev");
            ApiServerSource source = apiServerSource("watch", Destination.of("http://127.0.0.1:9000/"));
            Seed.load(store, List.of(source.withSpec(new ApiServerSourceSpec(source.spec().sink(), null,
                    source.spec().resources(), null, source.spec().mode(), null,
                    new LabelSelectorSpec(Map.of("env", "dev"), null), null))));

            ApiServerSourceController.reconciler(store, ManualClock.atEpoch(), new RecordingSourceRunner<>(),
                    new Tracker()).reconcile(KEY);

            assertThat(status(store)).isEqualTo(ready(List.of("dev-a", "dev-b")));
        }
    }

    @Test
    void aSourceWhoseSinkIsMissingIsStopped() {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(apiServerSource("watch", ksvc("gone"))));
            RecordingSourceRunner<ApiServerSource> runner = new RecordingSourceRunner<>();
            runner.run(apiServerSource("watch", ksvc("gone")), URI.create("http://before/"));

            ApiServerSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker()).reconcile(KEY);

            assertThat(status(store).at("/conditions/1/reason").asText()).isEqualTo("NotFound");
            assertThat(runner.sink("default", "watch")).isEmpty();
        }
    }

    /** The status of a source that runs, watching {@code namespaces}. */
    private static com.fasterxml.jackson.databind.JsonNode ready(List<String> namespaces) {
        return Normalized.status(new SourceStatus(1L, List.of(condition("Deployed", "True"),
                condition("Ready", "True"), condition("SinkProvided", "True"),
                condition("SufficientPermissions", "True")), null, "http://127.0.0.1:9000/", null, null, null, null,
                namespaces, null));
    }

    private static void namespace(ResourceStore store, String name, String env) {
        store.create(ResourceTypes.NAMESPACE, Json.toTree(new Namespace("v1", "Namespace",
                ObjectMeta.of(null, name).withLabel("env", env), null, null)));
    }

    private static com.fasterxml.jackson.databind.JsonNode status(ResourceStore store) {
        return Normalized.status(store.get(ResourceTypes.API_SERVER_SOURCE, "default", "watch").orElseThrow()
                .get("status"));
    }
}

package dev.kumo.controller.pingsource;

import static dev.kumo.controller.testing.EventingObjects.addressedService;
import static dev.kumo.controller.testing.EventingObjects.ksvc;
import static dev.kumo.controller.testing.EventingObjects.pingSource;
import static dev.kumo.controller.testing.Objects.condition;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.duck.Destination;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.sources.PingSource;
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
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PingSourceReconcilerTest {

    record Row(String name, List<HasMetadata> objects, String key, SourceStatus wantStatus, Optional<URI> wantSink) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a uri sink: runs, deployed and ready",
                        List.of(pingSource("ping", Destination.of("http://127.0.0.1:9000/"))), "ping",
                        status("ping", "http://127.0.0.1:9000/", condition("Deployed", "True"),
                                condition("Ready", "True"), condition("SinkProvided", "True")),
                        Optional.of(URI.create("http://127.0.0.1:9000/"))),
                new Row("a Service sink resolves to its address",
                        List.of(addressedService("hello", "http://hello.default.localhost:8080"),
                                pingSource("ping", ksvc("hello"))), "ping",
                        status("ping", "http://hello.default.localhost:8080", condition("Deployed", "True"),
                                condition("Ready", "True"), condition("SinkProvided", "True")),
                        Optional.of(URI.create("http://hello.default.localhost:8080"))),
                new Row("a missing sink: not run, SinkProvided says why",
                        List.of(pingSource("ping", ksvc("hello"))), "ping",
                        status("ping", null, condition("Deployed", "Unknown"), noSink("Ready"), noSink("SinkProvided")),
                        Optional.empty()),
                new Row("a source the runner refuses is not deployed",
                        List.of(pingSource("broken-ping", Destination.of("http://127.0.0.1:9000/"))), "broken-ping",
                        status("broken-ping", "http://127.0.0.1:9000/", notDeployed("Deployed"), notDeployed("Ready"),
                                condition("SinkProvided", "True")),
                        Optional.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            RecordingSourceRunner<PingSource> runner = new RecordingSourceRunner<>();

            PingSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker())
                    .reconcile(new NamespacedName("default", row.key()));

            assertThat(store.get(ResourceTypes.PING_SOURCE, "default", row.key())
                    .map(s -> Normalized.status(s.get("status")))).contains(Normalized.status(row.wantStatus()));
            assertThat(runner.sink("default", row.key())).isEqualTo(row.wantSink());
        }
    }

    @Test
    void aDeletedSourceIsRemovedFromTheRunner() {
        try (ResourceStore store = InMemoryStore.create()) {
            RecordingSourceRunner<PingSource> runner = new RecordingSourceRunner<>();
            runner.run(pingSource("ping", Destination.of("http://127.0.0.1:9000/")), URI.create("http://x/"));

            PingSourceController.reconciler(store, ManualClock.atEpoch(), runner, new Tracker())
                    .reconcile(new NamespacedName("default", "ping"));

            assertThat(runner.sink("default", "ping")).isEmpty();
        }
    }

    private static Condition noSink(String type) {
        return condition(type, "False", "NotFound", "spec.sink: Service \"hello\" (serving.knative.dev/v1) not found "
                + "in namespace default");
    }

    private static Condition notDeployed(String type) {
        return condition(type, "False", "NotDeployed", "cannot run broken-ping");
    }

    private static SourceStatus status(String name, String sinkUri, Condition... conditions) {
        return SourceStatus.builder().observedGeneration(1L).conditions(List.of(conditions)).sinkUri(sinkUri)
                .ceAttributes(List.of(new SourceStatus.CloudEventAttributes("dev.knative.sources.ping",
                        "/apis/v1/namespaces/default/pingsources/" + name))).build();
    }
}

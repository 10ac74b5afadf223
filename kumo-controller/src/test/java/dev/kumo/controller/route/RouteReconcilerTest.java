package dev.kumo.controller.route;

import static dev.kumo.controller.testing.Objects.condition;
import static dev.kumo.controller.testing.Objects.configStatus;
import static dev.kumo.controller.testing.Objects.configuration;
import static dev.kumo.controller.testing.Objects.failed;
import static dev.kumo.controller.testing.Objects.latestOf;
import static dev.kumo.controller.testing.Objects.ofConfiguration;
import static dev.kumo.controller.testing.Objects.ready;
import static dev.kumo.controller.testing.Objects.revision;
import static dev.kumo.controller.testing.Objects.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.Addressable;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.RouteStatus;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.api.serving.Visibility;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.RecordingRoutingSink;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RouteReconcilerTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello");
    private static final String URL = "http://hello.default.localhost";
    private static final Condition READY = condition("Ready", "True");
    /** The first address the recording sink hands out. */
    private static final String ADDRESS = "http://127.0.0.1:30001";

    record Row(String name, List<HasMetadata> objects, RouteUrls urls, Optional<RouteStatus> wantStatus,
            Map<String, Map<String, Integer>> wantHosts) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        HasMetadata readyConfig = configuration("hello", configStatus("hello-00001", "hello-00001", READY));
        HasMetadata readyRevision = revision("hello-00001", ofConfiguration("hello", 1), ready());
        return Stream.of(
                new Row("latest revision resolves to the configuration's latest ready one",
                        List.of(readyConfig, readyRevision, route("hello", latestOf("hello", 100))),
                        RouteUrls.DEFAULT,
                        Optional.of(status(URL, List.of(resolved(null, "hello-00001", true, 100, null)),
                                allTrue())),
                        Map.of("hello.default.localhost", Map.of("hello-00001", 100))),
                new Row("a split with a tag gets the tag its own host and URL",
                        List.of(readyConfig, readyRevision,
                                revision("hello-00000", ofConfiguration("hello", 0), ready()),
                                route("hello", latestOf("hello", 80),
                                        TrafficTarget.revision("hello-00000", 20).withTag("old"))),
                        new RouteUrls("example.test", 8080),
                        Optional.of(status("http://hello.default.example.test:8080", List.of(
                                resolved(null, "hello-00001", true, 80, null),
                                resolved("old", "hello-00000", false, 20,
                                        "http://old-hello.default.example.test:8080")), allTrue())),
                        Map.of("hello.default.example.test", Map.of("hello-00001", 80, "hello-00000", 20),
                                "old-hello.default.example.test", Map.of("hello-00000", 100))),
                new Row("a cluster-local route is served at its svc.cluster.local names only, tags too",
                        List.of(readyConfig, readyRevision,
                                revision("hello-00000", ofConfiguration("hello", 0), ready()),
                                clusterLocal(route("hello", latestOf("hello", 80),
                                        TrafficTarget.revision("hello-00000", 20).withTag("old")))),
                        new RouteUrls("example.test", 8080),
                        Optional.of(status("http://hello.default.svc.cluster.local", List.of(
                                resolved(null, "hello-00001", true, 80, null),
                                resolved("old", "hello-00000", false, 20,
                                        "http://old-hello.default.svc.cluster.local")), allTrue())),
                        Map.of("hello.default.svc.cluster.local", Map.of("hello-00001", 80, "hello-00000", 20),
                                "old-hello.default.svc.cluster.local", Map.of("hello-00000", 100))),
                new Row("a missing configuration fails traffic assignment",
                        List.of(route("hello", latestOf("hello", 100))), RouteUrls.DEFAULT,
                        Optional.of(status(URL, null, List.of(
                                condition("AllTrafficAssigned", "False", "ConfigurationMissing",
                                        "Configuration \"hello\" referenced in traffic not found."),
                                condition("IngressReady", "Unknown"),
                                condition("Ready", "False", "ConfigurationMissing",
                                        "Configuration \"hello\" referenced in traffic not found.")))),
                        Map.of()),
                new Row("a configuration without a ready revision yet leaves it unknown",
                        List.of(configuration("hello", configStatus("hello-00001", null,
                                        condition("Ready", "Unknown"))),
                                route("hello", latestOf("hello", 100))), RouteUrls.DEFAULT,
                        Optional.of(status(URL, null, List.of(
                                condition("AllTrafficAssigned", "Unknown", "RevisionMissing",
                                        "Configuration \"hello\" is waiting for a Revision to become ready."),
                                condition("IngressReady", "Unknown"),
                                condition("Ready", "Unknown", "RevisionMissing",
                                        "Configuration \"hello\" is waiting for a Revision to become ready.")))),
                        Map.of()),
                new Row("a pinned failed revision fails traffic assignment",
                        List.of(revision("hello-00001", failed("ExitCode", "container exited with code 1")),
                                route("hello", TrafficTarget.revision("hello-00001", 100))), RouteUrls.DEFAULT,
                        Optional.of(status(URL, null, List.of(
                                condition("AllTrafficAssigned", "False", "RevisionMissing",
                                        "Revision \"hello-00001\" failed to become ready."),
                                condition("IngressReady", "Unknown"),
                                condition("Ready", "False", "RevisionMissing",
                                        "Revision \"hello-00001\" failed to become ready.")))),
                        Map.of()));
    }

    private static Route clusterLocal(Route route) {
        return route.withMetadata(route.metadata().withLabel(Visibility.LABEL, Visibility.CLUSTER_LOCAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            RecordingRoutingSink sink = new RecordingRoutingSink();
            Result result = RouteController.reconciler(store, ManualClock.atEpoch(), sink, row.urls()).reconcile(HELLO);
            assertThat(result).isEqualTo(Result.done());
            row.wantStatus().ifPresent(want -> assertThat(store.get(ResourceTypes.ROUTE, "default", "hello")
                    .map(r -> Normalized.status(r.get("status")))).contains(Normalized.status(want)));
            assertThat(sink.hosts("default", "hello")).isEqualTo(row.wantHosts());
        }
    }

    @org.junit.jupiter.api.Test
    void aDeletedRouteIsWithdrawnFromTheDataPlaneWithItsAddress() {
        try (ResourceStore store = InMemoryStore.create()) {
            RecordingRoutingSink sink = new RecordingRoutingSink();
            sink.publish(new RouteRouting(HELLO, List.of()));
            sink.address(HELLO, "hello.default.localhost", 0);
            RouteController.reconciler(store, ManualClock.atEpoch(), sink, RouteUrls.DEFAULT).reconcile(HELLO);
            assertThat(sink.routing("default", "hello")).isEmpty();
            assertThat(sink.address("default", "hello")).isEmpty();
        }
    }

    /** The address a Route had before (a restart: the data plane knows nothing yet), and what it has after. */
    record AddressRow(String name, String recorded, List<Integer> taken, String want) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<AddressRow> addressRows() {
        return Stream.of(
                new AddressRow("a new Route gets any free port", null, List.of(), ADDRESS),
                new AddressRow("the recorded port is asked for again and kept", "http://127.0.0.1:41000", List.of(),
                        "http://127.0.0.1:41000"),
                new AddressRow("a recorded port something else took is replaced", "http://127.0.0.1:41000",
                        List.of(41000), ADDRESS),
                new AddressRow("an older server's name-based address is replaced", URL, List.of(), ADDRESS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addressRows")
    void address(AddressRow row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Route route = route("hello", latestOf("hello", 100));
            Seed.load(store, List.of(row.recorded() == null ? route : route.withStatus(new RouteStatus(1L, null, null,
                    URL, Addressable.of(row.recorded()), null))));
            RecordingRoutingSink sink = new RecordingRoutingSink();
            row.taken().forEach(sink::taken);

            RouteController.reconciler(store, ManualClock.atEpoch(), sink, RouteUrls.DEFAULT).reconcile(HELLO);

            JsonNode status = store.get(ResourceTypes.ROUTE, "default", "hello").orElseThrow().get("status");
            assertThat(status.at("/address/url").asText()).isEqualTo(row.want());
            assertThat(status.at("/url").asText()).as("people keep the name").isEqualTo(URL);
            assertThat(sink.address("default", "hello")).contains(RouteUrls.addressPort(row.want()));
        }
    }

    @org.junit.jupiter.api.Test
    void anAddressIsReadBackOnlyFromKumosOwnForm() {
        assertThat(RouteUrls.addressPort("http://127.0.0.1:8080")).isEqualTo(8080);
        assertThat(RouteUrls.addressPort(RouteUrls.address(65535))).isEqualTo(65535);
        assertThat(RouteUrls.addressPort("http://127.0.0.1:99999")).isZero();
        assertThat(RouteUrls.addressPort("http://hello.default.localhost:8080")).isZero();
        assertThat(RouteUrls.addressPort("http://127.0.0.1:8080/path")).isZero();
        assertThat(RouteUrls.addressPort(null)).isZero();
    }

    private static TrafficTarget resolved(String tag, String revision, boolean latest, long percent, String url) {
        return new TrafficTarget(tag, revision, null, latest, percent, url);
    }

    private static List<Condition> allTrue() {
        return List.of(condition("AllTrafficAssigned", "True"), condition("IngressReady", "True"), READY);
    }

    private static RouteStatus status(String url, List<TrafficTarget> traffic, List<Condition> conditions) {
        return new RouteStatus(1L, conditions, null, url, Addressable.of(ADDRESS), traffic);
    }
}

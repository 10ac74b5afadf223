package dev.kumo.controller.service;

import static dev.kumo.controller.testing.Fixtures.annotations;
import static dev.kumo.controller.testing.Fixtures.labels;
import static dev.kumo.controller.testing.Fixtures.service;
import static dev.kumo.controller.testing.Objects.condition;
import static dev.kumo.controller.testing.Objects.configStatus;
import static dev.kumo.controller.testing.Objects.configuration;
import static dev.kumo.controller.testing.Objects.controller;
import static dev.kumo.controller.testing.Objects.latestOf;
import static dev.kumo.controller.testing.Objects.route;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.Addressable;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.RouteStatus;
import dev.kumo.api.serving.ServiceStatus;
import dev.kumo.api.serving.TrafficTarget;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ServiceReconcilerTest {

    private static final NamespacedName HELLO = new NamespacedName("default", "hello");
    private static final String URL = "http://hello.default.localhost";
    private static final String OUT_OF_DATE_CONFIG =
            "The Configuration is still working to reflect the latest desired specification.";
    private static final String OUT_OF_DATE_ROUTE =
            "The Route is still working to reflect the latest desired specification.";
    private static final Map<String, String> CHILD_LABELS = Map.of("app", "hello",
            "serving.knative.dev/service", "hello", "serving.knative.dev/serviceUID", "<uid>");

    record Row(String name, List<HasMetadata> objects, List<HasMetadata> wantObjects, ServiceStatus wantStatus) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        Configuration wantConfig = owned(configuration("hello"), Map.of("team", "blue",
                "serving.knative.dev/routes", "hello"));
        Route wantRoute = owned(route("hello", latestOf("hello", 100)), Map.of("team", "blue"));
        HasMetadata svc = service("default", "hello", labels(Map.of("app", "hello")), annotations(Map.of(
                "team", "blue", "kubectl.kubernetes.io/last-applied-configuration", "{}")));
        TrafficTarget served = new TrafficTarget(null, "hello-00001", null, true, 100L, null);
        return Stream.of(
                new Row("a new service gets a configuration and a route", List.of(svc),
                        List.of(wantConfig, wantRoute),
                        status(null, null, null, null,
                                condition("ConfigurationsReady", "Unknown", "OutOfDate", OUT_OF_DATE_CONFIG),
                                condition("Ready", "Unknown", "OutOfDate", OUT_OF_DATE_CONFIG),
                                condition("RoutesReady", "Unknown", "OutOfDate", OUT_OF_DATE_ROUTE))),
                new Row("ready children make the service ready and lend it their status",
                        List.of(svc, configStatus("hello-00001", "hello-00001", condition("Ready", "True"))
                                        .apply(wantConfig),
                                routeStatus(wantRoute, served, condition("Ready", "True"))),
                        List.of(wantConfig, wantRoute),
                        status("hello-00001", "hello-00001", URL, List.of(served),
                                condition("ConfigurationsReady", "True"), condition("Ready", "True"),
                                condition("RoutesReady", "True"))),
                new Row("traffic not yet on the latest ready revision keeps routes not ready",
                        List.of(svc, configStatus("hello-00002", "hello-00002", condition("Ready", "True"))
                                        .apply(wantConfig),
                                routeStatus(wantRoute, served, condition("Ready", "True"))),
                        List.of(),
                        status("hello-00002", "hello-00002", URL, List.of(served),
                                condition("ConfigurationsReady", "True"),
                                condition("Ready", "Unknown", "TrafficNotMigrated",
                                        "Traffic is not yet migrated to the latest revision."),
                                condition("RoutesReady", "Unknown", "TrafficNotMigrated",
                                        "Traffic is not yet migrated to the latest revision."))),
                new Row("a configuration someone else owns is reported, not taken over",
                        List.of(svc, configuration("hello")), List.of(configuration("hello"), wantRoute),
                        status(null, null, null, null,
                                condition("ConfigurationsReady", "False", "NotOwned",
                                        "There is an existing Configuration \"hello\" that we do not own."),
                                condition("Ready", "False", "NotOwned",
                                        "There is an existing Configuration \"hello\" that we do not own."),
                                condition("RoutesReady", "Unknown", "OutOfDate", OUT_OF_DATE_ROUTE))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, row.objects());
            Result result = ServiceController.reconciler(store, ManualClock.atEpoch()).reconcile(HELLO);
            assertThat(result).isEqualTo(Result.done());
            for (HasMetadata want : row.wantObjects()) {
                assertThat(store.get(Seed.type(want.kind()), "default", want.metadata().name())
                        .map(Normalized::object)).as(want.kind()).contains(Normalized.object(want));
            }
            assertThat(store.get(ResourceTypes.SERVICE, "default", "hello").map(s -> Normalized.status(s.get("status"))))
                    .contains(Normalized.status(row.wantStatus()));
        }
    }

    private static Configuration owned(Configuration c, Map<String, String> annotations) {
        return c.withMetadata(childMeta(c.metadata(), annotations));
    }

    private static Route owned(Route r, Map<String, String> annotations) {
        return r.withMetadata(childMeta(r.metadata(), annotations));
    }

    private static ObjectMeta childMeta(ObjectMeta m, Map<String, String> annotations) {
        return ObjectMeta.builder().namespace(m.namespace()).name(m.name()).labels(new TreeMap<>(CHILD_LABELS))
                .annotations(new TreeMap<>(annotations)).ownerReferences(List.of(controller("Service", "hello")))
                .build();
    }

    private static Route routeStatus(Route route, TrafficTarget traffic, Condition ready) {
        return route.withStatus(new RouteStatus(1L, List.of(condition("AllTrafficAssigned", "True"),
                condition("IngressReady", "True"), ready), null, URL, Addressable.of(URL), List.of(traffic)));
    }

    private static ServiceStatus status(String latestReady, String latestCreated, String url,
            List<TrafficTarget> traffic, Condition... conditions) {
        return ServiceStatus.builder().observedGeneration(1L).conditions(List.of(conditions)).url(url)
                .address(url == null ? null : Addressable.of(url)).traffic(traffic).latestReadyRevisionName(latestReady)
                .latestCreatedRevisionName(latestCreated).build();
    }
}

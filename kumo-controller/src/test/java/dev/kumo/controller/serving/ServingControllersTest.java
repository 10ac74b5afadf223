package dev.kumo.controller.serving;

import static dev.kumo.controller.testing.Fixtures.annotations;
import static dev.kumo.controller.testing.Fixtures.image;
import static dev.kumo.controller.testing.Fixtures.labels;
import static dev.kumo.controller.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.serving.Configuration;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.Route;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.testing.FakeRevisionInstances;
import dev.kumo.controller.testing.RecordingRoutingSink;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Service's whole life in process: the four controllers over the real in-memory store and fake instances. */
class ServingControllersTest {

    private final ResourceStore store = InMemoryStore.create();
    private final FakeRevisionInstances instances = new FakeRevisionInstances();
    private final RecordingRoutingSink routing = new RecordingRoutingSink();
    private final TypedStore<Service> services = new TypedStore<>(store, ResourceTypes.SERVICE, Service.class);
    private final TypedStore<Configuration> configurations =
            new TypedStore<>(store, ResourceTypes.CONFIGURATION, Configuration.class);
    private final TypedStore<Revision> revisions = new TypedStore<>(store, ResourceTypes.REVISION, Revision.class);
    private final TypedStore<Route> routes = new TypedStore<>(store, ResourceTypes.ROUTE, Route.class);
    private ServingControllers controllers;

    @BeforeEach
    void start() {
        controllers = ServingControllers.start(store, InstantSource.system(), ServingControllerConfig.DEFAULTS,
                instances, routing);
    }

    @AfterEach
    void stop() {
        controllers.close();
        store.close();
    }

    @Test
    void aNewServiceGetsItsChildrenAndBecomesReadyWhenItsRevisionDoes() {
        services.create(service("default", "hello", labels(Map.of("app", "hello")),
                annotations(Map.of("team", "blue"))));

        settle().untilAsserted(() -> {
            Configuration config = configurations.get("default", "hello").orElseThrow();
            assertThat(config.metadata().labels()).containsEntry("app", "hello")
                    .containsEntry("serving.knative.dev/service", "hello");
            assertThat(config.metadata().annotations()).containsEntry("team", "blue");
            assertThat(controller(config)).isEqualTo("Service/hello");
            Route route = routes.get("default", "hello").orElseThrow();
            assertThat(route.metadata().labels()).containsEntry("serving.knative.dev/service", "hello");
            assertThat(controller(route)).isEqualTo("Service/hello");
            assertThat(route.spec().traffic().getFirst().configurationName()).isEqualTo("hello");
            Revision revision = revisions.get("default", "hello-00001").orElseThrow();
            assertThat(revision.metadata().labels())
                    .containsEntry("serving.knative.dev/configuration", "hello")
                    .containsEntry("serving.knative.dev/configurationGeneration", "1")
                    .containsEntry("serving.knative.dev/service", "hello");
            assertThat(controller(revision)).isEqualTo("Configuration/hello");
            assertThat(ready(revision.status() == null ? null : revision.status().conditions()))
                    .hasValueSatisfying(c -> assertThat(c.status()).isEqualTo("Unknown"));
        });
        assertThat(instances.running("default", "hello-00001")).isTrue();

        instances.ready("default", "hello-00001", 1);

        settle().untilAsserted(() -> {
            Service service = services.get("default", "hello").orElseThrow();
            assertThat(readyStatus(service.status().conditions())).isEqualTo("True");
            assertThat(service.status().url()).isEqualTo("http://hello.default.localhost");
            assertThat(service.status().address().url()).as("the Route's loopback address")
                    .isEqualTo("http://127.0.0.1:30001");
            assertThat(service.status().latestReadyRevisionName()).isEqualTo("hello-00001");
            assertThat(service.status().latestCreatedRevisionName()).isEqualTo("hello-00001");
            assertThat(service.status().traffic()).singleElement().satisfies(t -> {
                assertThat(t.revisionName()).isEqualTo("hello-00001");
                assertThat(t.percent()).isEqualTo(100L);
                assertThat(t.latestRevision()).isTrue();
            });
            assertThat(service.status().observedGeneration()).isEqualTo(1L);
            assertThat(readyStatus(configurations.get("default", "hello").orElseThrow().status().conditions()))
                    .isEqualTo("True");
            assertThat(readyStatus(routes.get("default", "hello").orElseThrow().status().conditions()))
                    .isEqualTo("True");
            assertThat(revisions.get("default", "hello-00001").orElseThrow().status().actualReplicas()).isEqualTo(1);
        });
        assertThat(routing.hosts("default", "hello"))
                .isEqualTo(Map.of("hello.default.localhost", Map.of("hello-00001", 100)));
    }

    @Test
    void updatingTheTemplateStampsANewRevisionAndMovesTrafficOnceItIsReady() {
        readyHello();
        update(s -> s.withSpec(image("example.com/hello:2").apply(s).spec()));

        settle().until(() -> revisions.get("default", "hello-00002").isPresent());
        assertThat(routing.hosts("default", "hello").get("hello.default.localhost")).containsOnlyKeys("hello-00001");
        instances.ready("default", "hello-00002", 1);

        settle().untilAsserted(() -> {
            Service service = services.get("default", "hello").orElseThrow();
            assertThat(readyStatus(service.status().conditions())).isEqualTo("True");
            assertThat(service.status().latestReadyRevisionName()).isEqualTo("hello-00002");
            assertThat(service.status().traffic()).singleElement()
                    .satisfies(t -> assertThat(t.revisionName()).isEqualTo("hello-00002"));
            assertThat(service.status().observedGeneration()).isEqualTo(2L);
        });
        assertThat(routing.hosts("default", "hello"))
                .isEqualTo(Map.of("hello.default.localhost", Map.of("hello-00002", 100)));
    }

    @Test
    void aFailingNewRevisionKeepsTrafficOnTheLastReadyOneAndTheServiceSaysWhy() {
        readyHello();
        update(s -> s.withSpec(image("example.com/broken:1").apply(s).spec()));
        settle().until(() -> revisions.get("default", "hello-00002").isPresent());

        instances.exit("default", "hello-00002", 3, "starting", "panic: no DATABASE_URL");

        settle().untilAsserted(() -> {
            Revision revision = revisions.get("default", "hello-00002").orElseThrow();
            Condition healthy = ConditionSet.find(revision.status().conditions(), "ContainerHealthy").orElseThrow();
            assertThat(healthy.reason()).isEqualTo("ExitCode");
            assertThat(healthy.message()).isEqualTo("container exited with code 3: starting\npanic: no DATABASE_URL");
            Service service = services.get("default", "hello").orElseThrow();
            Condition ready = ready(service.status().conditions()).orElseThrow();
            assertThat(ready.status()).isEqualTo("False");
            assertThat(ready.reason()).isEqualTo("RevisionFailed");
            assertThat(ready.message()).contains("hello-00002", "container exited with code 3");
            assertThat(service.status().latestCreatedRevisionName()).isEqualTo("hello-00002");
            assertThat(service.status().latestReadyRevisionName()).isEqualTo("hello-00001");
            assertThat(service.status().traffic()).singleElement()
                    .satisfies(t -> assertThat(t.revisionName()).isEqualTo("hello-00001"));
            assertThat(readyStatus(routes.get("default", "hello").orElseThrow().status().conditions()))
                    .isEqualTo("True");
        });
        assertThat(routing.hosts("default", "hello"))
                .isEqualTo(Map.of("hello.default.localhost", Map.of("hello-00001", 100)));
    }

    @Test
    void metadataOnlyChangesReachTheChildrenWithoutANewRevision() {
        readyHello();
        update(s -> labels(Map.of("app", "hello", "tier", "web")).apply(s));

        settle().untilAsserted(() -> assertThat(configurations.get("default", "hello").orElseThrow()
                .metadata().labels()).containsEntry("tier", "web"));
        settle().untilAsserted(() -> assertThat(routes.get("default", "hello").orElseThrow()
                .metadata().labels()).containsEntry("tier", "web"));
        assertThat(controllers.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(revisions.get("default", "hello-00002")).isEmpty();
        assertThat(configurations.get("default", "hello").orElseThrow().metadata().generation()).isEqualTo(1L);
    }

    @Test
    void deletingTheServiceRemovesEverythingItMade() {
        readyHello();
        store.delete(ResourceTypes.SERVICE, "default", "hello", DeleteOptions.DEFAULT);

        settle().untilAsserted(() -> {
            assertThat(configurations.get("default", "hello")).isEmpty();
            assertThat(routes.get("default", "hello")).isEmpty();
            assertThat(revisions.get("default", "hello-00001")).isEmpty();
            assertThat(instances.removed("default", "hello-00001")).isTrue();
            assertThat(routing.routing("default", "hello")).isEmpty();
        });
    }

    private void readyHello() {
        services.create(service("default", "hello", labels(Map.of("app", "hello"))));
        settle().until(() -> revisions.get("default", "hello-00001").isPresent());
        instances.ready("default", "hello-00001", 1);
        settle().until(() -> services.get("default", "hello")
                .map(s -> s.status() != null && "True".equals(readyStatus(s.status().conditions()))).orElse(false));
    }

    private void update(java.util.function.UnaryOperator<Service> change) {
        Service current = services.get("default", "hello").orElseThrow();
        services.update(change.apply(current));
    }

    /**
     * Polls until the assertions hold; objects the controllers have not written yet (an empty Optional, a null
     * status) are retried like a failed assertion, else the first early poll would fail the test on a slow machine.
     */
    private static ConditionFactory settle() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10))
                .ignoreExceptionsInstanceOf(RuntimeException.class);
    }

    private static String controller(HasMetadata object) {
        return object.metadata().ownerReferencesOrEmpty().stream()
                .filter(r -> Boolean.TRUE.equals(r.controller()) && Boolean.TRUE.equals(r.blockOwnerDeletion()))
                .map(r -> r.kind() + "/" + r.name()).findFirst().orElse("none");
    }

    private static Optional<Condition> ready(java.util.List<Condition> conditions) {
        return ConditionSet.find(conditions, "Ready");
    }

    private static String readyStatus(java.util.List<Condition> conditions) {
        return ready(conditions).map(Condition::status).orElse("missing");
    }

    @SuppressWarnings("unused")
    private static String json(Object value) {
        return Json.write(value);
    }
}

package dev.kumo.controller.serving;

import static dev.kumo.controller.testing.Fixtures.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Revision;
import dev.kumo.api.serving.Service;
import dev.kumo.api.serving.lifecycle.ConditionSet;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.revision.RevisionController;
import dev.kumo.controller.testing.FakeRevisionInstances;
import dev.kumo.common.testing.ManualClock;
import dev.kumo.controller.testing.RecordingRoutingSink;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.util.List;
import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The progress deadline through the engine on a manual clock: the Revision is looked at again when it falls due. */
class ProgressDeadlineTest {

    private static final NamespacedName REVISION = new NamespacedName("default", "hello-00001");

    private final ManualClock clock = ManualClock.atEpoch();
    private final ResourceStore store = InMemoryStore.create();
    private final FakeRevisionInstances instances = new FakeRevisionInstances(clock);
    private final TypedStore<Service> services = new TypedStore<>(store, ResourceTypes.SERVICE, Service.class);
    private final TypedStore<Revision> revisions = new TypedStore<>(store, ResourceTypes.REVISION, Revision.class);
    private final ServingControllers controllers = ServingControllers.start(store, clock,
            ServingControllerConfig.DEFAULTS.withProgressDeadline(Duration.ofSeconds(30)), instances,
            new RecordingRoutingSink());

    @AfterEach
    void stop() {
        controllers.close();
        store.close();
    }

    @Test
    void aRevisionNeverReadyFailsAtTheDeadlineAndTheServiceSaysWhy() {
        services.create(service("default", "hello"));
        settle().until(() -> condition(revisions.get("default", "hello-00001").map(Revision::status)
                .map(s -> s.conditions()).orElse(null), "ResourcesAvailable").equals("Unknown/Deploying"));
        assertThat(controllers.engine().scheduledAt(RevisionController.NAME, REVISION))
                .contains(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        controllers.engine().wake();
        assertThat(controllers.awaitIdle(Duration.ofSeconds(10))).isTrue();
        assertThat(condition(revisionConditions(), "Ready")).isEqualTo("Unknown/Deploying");

        clock.advance(Duration.ofSeconds(1));
        controllers.engine().wake();

        settle().untilAsserted(() -> {
            assertThat(condition(revisionConditions(), "ResourcesAvailable"))
                    .isEqualTo("False/ProgressDeadlineExceeded");
            assertThat(condition(revisionConditions(), "Active")).isEqualTo("False/TimedOut");
            Condition ready = ConditionSet.find(services.get("default", "hello").orElseThrow().status().conditions(),
                    "Ready").orElseThrow();
            assertThat(ready.reason()).isEqualTo("RevisionFailed");
            assertThat(ready.message()).contains("hello-00001", "Initial scale was never achieved",
                    "did not become ready within 30s");
        });

        instances.ready("default", "hello-00001", 1);

        settle().untilAsserted(() -> {
            assertThat(condition(revisionConditions(), "Ready")).isEqualTo("True/");
            assertThat(condition(services.get("default", "hello").orElseThrow().status().conditions(), "Ready"))
                    .isEqualTo("True/");
        });
    }

    private List<Condition> revisionConditions() {
        return revisions.get("default", "hello-00001").orElseThrow().status().conditions();
    }

    private static String condition(List<Condition> conditions, String type) {
        return ConditionSet.find(conditions, type).map(c -> c.status() + "/" + (c.reason() == null ? "" : c.reason()))
                .orElse("missing");
    }

    private static ConditionFactory settle() {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10));
    }
}

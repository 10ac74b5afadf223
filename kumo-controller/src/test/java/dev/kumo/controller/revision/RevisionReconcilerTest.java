package dev.kumo.controller.revision;

import static dev.kumo.controller.testing.Objects.condition;
import static dev.kumo.controller.testing.Objects.revision;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.RevisionStatus;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.controller.testing.FakeRevisionInstances;
import dev.kumo.controller.testing.ManualClock;
import dev.kumo.controller.testing.Normalized;
import dev.kumo.controller.testing.Seed;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RevisionReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "hello-00001");

    record Row(String name, Optional<InstanceState> instances, RevisionStatus wantStatus, Result wantResult) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a new revision starts deploying", Optional.empty(), status(0,
                        condition("ContainerHealthy", "Unknown", "Deploying", null),
                        condition("Ready", "Unknown", "Deploying", null),
                        condition("ResourcesAvailable", "Unknown", "Deploying", null)), Result.done()),
                new Row("ready instances make it ready", Optional.of(new InstanceState.Ready(2)), status(2,
                        condition("ContainerHealthy", "True"), condition("Ready", "True"),
                        condition("ResourcesAvailable", "True")), Result.done()),
                new Row("an exited container says its code and last lines",
                        Optional.of(new InstanceState.Exited(3, List.of("listening", "panic: boom"))), status(0,
                                condition("ContainerHealthy", "False", "ExitCode",
                                        "container exited with code 3: listening\npanic: boom"),
                                condition("Ready", "False", "ExitCode",
                                        "container exited with code 3: listening\npanic: boom"),
                                condition("ResourcesAvailable", "Unknown")), Result.done()),
                new Row("a runtime failure passes its reason on and is looked at again",
                        Optional.of(new InstanceState.Failed("ImageNotFound", "image example.com/x not found")),
                        status(0, condition("ContainerHealthy", "False", "ImageNotFound",
                                        "image example.com/x not found"),
                                condition("Ready", "False", "ImageNotFound", "image example.com/x not found"),
                                condition("ResourcesAvailable", "Unknown")),
                        Result.requeueAfter(RevisionReconciler.FAILED_RECHECK)),
                new Row("a permanent failure is reported once and not looked at again",
                        Optional.of(InstanceState.Failed.permanent("RuntimeUnsupported", "needs podman")),
                        status(0, condition("ContainerHealthy", "False", "RuntimeUnsupported", "needs podman"),
                                condition("Ready", "False", "RuntimeUnsupported", "needs podman"),
                                condition("ResourcesAvailable", "Unknown")),
                        Result.done()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void reconcile(Row row) {
        try (ResourceStore store = InMemoryStore.create()) {
            Seed.load(store, List.of(revision("hello-00001")));
            FakeRevisionInstances instances = new FakeRevisionInstances();
            row.instances().ifPresent(state -> instances.set(KEY, state));
            Result result = RevisionController.reconciler(store, ManualClock.atEpoch(), instances).reconcile(KEY);
            assertThat(result).isEqualTo(row.wantResult());
            assertThat(instances.running("default", "hello-00001")).isTrue();
            assertThat(store.get(ResourceTypes.REVISION, "default", "hello-00001")
                    .map(r -> Normalized.status(r.get("status")))).contains(Normalized.status(row.wantStatus()));
        }
    }

    @Test
    void aDeletedRevisionsInstancesAreRemoved() {
        try (ResourceStore store = InMemoryStore.create()) {
            FakeRevisionInstances instances = new FakeRevisionInstances();
            instances.set(KEY, new InstanceState.Ready(1));
            RevisionController.reconciler(store, ManualClock.atEpoch(), instances).reconcile(KEY);
            assertThat(instances.removed("default", "hello-00001")).isTrue();
        }
    }

    private static RevisionStatus status(int replicas, Condition... conditions) {
        return new RevisionStatus(1L, List.of(conditions), null, null, null, null, replicas, null);
    }
}

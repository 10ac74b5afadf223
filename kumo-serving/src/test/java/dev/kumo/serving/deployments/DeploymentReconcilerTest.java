package dev.kumo.serving.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.DeploymentSpec;
import dev.kumo.api.apps.DeploymentStatus;
import dev.kumo.api.apps.DeploymentStatus.DeploymentCondition;
import dev.kumo.api.apps.DeploymentStrategy;
import dev.kumo.api.apps.ReplicaSet;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.IntOrString;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Result;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The Deployment reconciler through its entry point: a table of instances before, what it starts and stops, status. */
class DeploymentReconcilerTest {

    private static final NamespacedName KEY = new NamespacedName("default", "web");
    private static final String CURRENT = DeploymentInstances.templateHash(template("python3"));
    private static final String OLD = "oldhash000";

    private final ResourceStore store = InMemoryStore.create();
    private final TypedStore<Deployment> deployments = new TypedStore<>(store, ResourceTypes.DEPLOYMENT,
            Deployment.class);
    private final TypedStore<ReplicaSet> replicaSets = new TypedStore<>(store, ResourceTypes.REPLICA_SET,
            ReplicaSet.class);
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
    private final InstantSource clock = now::get;

    /** One row: the Deployment, the instances before, the wanted starts and stops, the wanted status. */
    record Row(String name, Deployment deployment, UnaryOperator<FakeDeploymentRuntime> before, int starts,
            List<String> stops, Counts status, String available, String progressing) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The status counts wanted: replicas, updatedReplicas, readyReplicas (= availableReplicas). */
    record Counts(int replicas, int updated, int ready) {
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("a new Deployment starts its replicas", deployment(3), r -> r, 3, List.of(),
                        new Counts(3, 3, 0), "MinimumReplicasUnavailable", "ReplicaSetUpdated"),
                new Row("all replicas ready: nothing to do, the rollout is done", deployment(3),
                        r -> r.with("a", "web", CURRENT, true).with("b", "web", CURRENT, true)
                                .with("c", "web", CURRENT, true), 0, List.of(),
                        new Counts(3, 3, 3), "MinimumReplicasAvailable", "NewReplicaSetAvailable"),
                new Row("a stopped or deleted instance is replaced", deployment(3),
                        r -> r.with("a", "web", CURRENT, true).with("b", "web", CURRENT, true), 1, List.of(),
                        new Counts(3, 3, 2), "MinimumReplicasUnavailable", "ReplicaSetUpdated"),
                new Row("scaled in: the newest go", deployment(1),
                        r -> r.with("a", "web", CURRENT, true).with("b", "web", CURRENT, true)
                                .with("c", "web", CURRENT, true), 0, List.of("c", "b"),
                        new Counts(1, 1, 1), "MinimumReplicasAvailable", "NewReplicaSetAvailable"),
                new Row("a template change surges one new instance first (25%/25% of 2: 1 surge, 0 unavailable)",
                        deployment(2), r -> r.with("a", "web", OLD, true).with("b", "web", OLD, true), 1, List.of(),
                        new Counts(3, 1, 2), "MinimumReplicasAvailable", "ReplicaSetUpdated"),
                new Row("a new one ready: an old one stops and the next new one starts", deployment(2),
                        r -> r.with("a", "web", OLD, true).with("b", "web", OLD, true)
                                .with("n", "web", CURRENT, true), 1, List.of("a"),
                        new Counts(3, 2, 2), "MinimumReplicasAvailable", "ReplicaSetUpdated"),
                new Row("a new one not ready yet: nothing stops, nothing more starts", deployment(2),
                        r -> r.with("a", "web", OLD, true).with("b", "web", OLD, true)
                                .with("n", "web", CURRENT, false), 0, List.of(),
                        new Counts(3, 1, 2), "MinimumReplicasAvailable", "ReplicaSetUpdated"),
                new Row("maxSurge 0, maxUnavailable 1: an old one stops before a new one starts",
                        deployment(2, IntOrString.of(0), IntOrString.of(1)),
                        r -> r.with("a", "web", OLD, true).with("b", "web", OLD, true), 1, List.of("a"),
                        new Counts(2, 1, 1), "MinimumReplicasAvailable", "ReplicaSetUpdated"),
                new Row("an old instance that is not ready stops at once", deployment(2),
                        r -> r.with("a", "web", OLD, false).with("b", "web", OLD, true), 2, List.of("a"),
                        new Counts(3, 2, 1), "MinimumReplicasUnavailable", "ReplicaSetUpdated"),
                new Row("Recreate: every old instance stops and nothing starts yet", recreate(2),
                        r -> r.with("a", "web", OLD, true).with("b", "web", OLD, false), 0, List.of("a", "b"),
                        new Counts(0, 0, 0), "MinimumReplicasUnavailable", "ReplicaSetUpdated"),
                new Row("Recreate: the old ones gone, the new ones start", recreate(2), r -> r, 2, List.of(),
                        new Counts(2, 2, 0), "MinimumReplicasUnavailable", "ReplicaSetUpdated"),
                new Row("other Deployments' instances are left alone", deployment(1),
                        r -> r.with("x", "other", CURRENT, true), 1, List.of(),
                        new Counts(1, 1, 0), "MinimumReplicasUnavailable", "ReplicaSetUpdated"));
    }

    @ParameterizedTest
    @MethodSource("rows")
    void reconcile(Row row) {
        FakeDeploymentRuntime runtime = row.before().apply(new FakeDeploymentRuntime());
        deployments.create(row.deployment());

        Result result = reconciler(runtime).reconcile(KEY);

        assertThat(runtime.started).as("started").hasSize(row.starts());
        assertThat(runtime.stopped).as("stopped").containsExactlyInAnyOrderElementsOf(row.stops());
        DeploymentStatus status = deployments.get("default", "web").orElseThrow().status();
        assertThat(new Counts(status.replicas(), status.updatedReplicas(), status.readyReplicas()))
                .isEqualTo(row.status());
        assertThat(status.availableReplicas()).isEqualTo(status.readyReplicas());
        assertThat(status.observedGeneration()).isEqualTo(1L);
        assertThat(condition(status, "Available").reason()).isEqualTo(row.available());
        assertThat(condition(status, "Progressing").reason()).isEqualTo(row.progressing());
        assertThat(result).isEqualTo("NewReplicaSetAvailable".equals(row.progressing()) ? Result.done()
                : Result.requeueAfter(DeploymentReconciler.LOOK_AGAIN));
    }

    @Test
    void aTemplateThatCannotStartSaysWhyInReplicaFailure() {
        FakeDeploymentRuntime runtime = new FakeDeploymentRuntime();
        Deployment bad = deployment(1);
        deployments.create(bad.withSpec(new DeploymentSpec(1, bad.spec().selector(), template("bad"), null, null,
                null, null, 600)));

        reconciler(runtime).reconcile(KEY);

        DeploymentCondition failure = condition(deployments.get("default", "web").orElseThrow().status(),
                "ReplicaFailure");
        assertThat(failure.reason()).isEqualTo("FailedCreate");
        assertThat(failure.message()).isEqualTo("image bad: no such image");
    }

    @Test
    void aRolloutWithoutProgressPastItsDeadlineIsProgressDeadlineExceeded() {
        FakeDeploymentRuntime runtime = new FakeDeploymentRuntime();
        deployments.create(deployment(1));
        DeploymentReconciler reconciler = reconciler(runtime);
        reconciler.reconcile(KEY);

        now.set(now.get().plus(Duration.ofSeconds(601)));
        reconciler.reconcile(KEY);

        DeploymentCondition progressing = condition(deployments.get("default", "web").orElseThrow().status(),
                "Progressing");
        assertThat(progressing.status()).isEqualTo("False");
        assertThat(progressing.reason()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(progressing.message()).isEqualTo("ReplicaSet \"web-" + CURRENT + "\" has timed out progressing.");
    }

    @Test
    void aDeletedDeploymentsInstancesStop() {
        FakeDeploymentRuntime runtime = new FakeDeploymentRuntime().with("a", "web", CURRENT, true)
                .with("x", "other", CURRENT, true);

        assertThat(reconciler(runtime).reconcile(KEY)).isEqualTo(Result.done());

        assertThat(runtime.stopped).containsExactly("a");
    }

    @Test
    void aNewInstanceReadyForLessThanMinReadySecondsIsNotAvailableAndNoOldOneStopsForIt() {
        Deployment rolling = deployment(2);
        DeploymentSpec spec = rolling.spec();
        deployments.create(rolling.withSpec(new DeploymentSpec(2, spec.selector(), spec.template(), spec.strategy(),
                10, 10, null, 600)));
        FakeDeploymentRuntime runtime = new FakeDeploymentRuntime().with("a", "web", OLD, true)
                .with("b", "web", OLD, true).readySince("n", "web", CURRENT, now.get().minusSeconds(4));

        Result result = reconciler(runtime).reconcile(KEY);

        assertThat(runtime.stopped).as("stopped").isEmpty();
        assertThat(runtime.started).as("started").isEmpty();
        DeploymentStatus status = deployments.get("default", "web").orElseThrow().status();
        assertThat(status.readyReplicas()).isEqualTo(3);
        assertThat(status.availableReplicas()).isEqualTo(2);
        assertThat(result).as("looks again when it becomes available").isEqualTo(Result.requeueAfter(
                DeploymentReconciler.LOOK_AGAIN));

        now.set(now.get().plusSeconds(6));
        reconciler(runtime).reconcile(KEY);

        assertThat(runtime.stopped).as("an old one stops once the new one is available").containsExactly("a");
    }

    @Test
    void eachTemplateIsAReplicaSetOwnedByTheDeploymentAndTheDeploymentCarriesItsRevision() {
        FakeDeploymentRuntime runtime = new FakeDeploymentRuntime();
        deployments.create(deployment(2));
        DeploymentReconciler reconciler = reconciler(runtime);
        reconciler.reconcile(KEY);

        Deployment stored = deployments.get("default", "web").orElseThrow();
        assertThat(stored.metadata().annotations()).containsEntry(ReplicaSetViews.REVISION, "1");
        ReplicaSet first = replicaSets.get("default", "web-" + CURRENT).orElseThrow();
        assertThat(first.metadata().ownerReferences().getFirst().uid()).isEqualTo(stored.metadata().uid());
        assertThat(first.status().replicas()).isEqualTo(2);
        reconciler.reconcile(KEY);
        assertThat(replicaSets.get("default", "web-" + CURRENT).orElseThrow().metadata().resourceVersion())
                .as("nothing changed: nothing written (its change would enqueue the Deployment again)")
                .isEqualTo(first.metadata().resourceVersion());
        stored = deployments.get("default", "web").orElseThrow();

        Deployment changed = stored.withSpec(new DeploymentSpec(2, stored.spec().selector(), template("python3.13"),
                stored.spec().strategy(), 0, 10, null, 600));
        deployments.update(changed);
        reconciler.reconcile(KEY);

        String next = DeploymentInstances.templateHash(template("python3.13"));
        assertThat(deployments.get("default", "web").orElseThrow().metadata().annotations())
                .containsEntry(ReplicaSetViews.REVISION, "2");
        assertThat(replicaSets.get("default", "web-" + next).orElseThrow().metadata().annotations())
                .containsEntry(ReplicaSetViews.REVISION, "2");
        assertThat(replicaSets.get("default", "web-" + CURRENT).orElseThrow().metadata().annotations())
                .containsEntry(ReplicaSetViews.REVISION, "1");
    }

    private DeploymentReconciler reconciler(FakeDeploymentRuntime runtime) {
        return new DeploymentReconciler(deployments, replicaSets, runtime, clock);
    }

    private static DeploymentCondition condition(DeploymentStatus status, String type) {
        return status.conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    private static Deployment deployment(int replicas) {
        return deployment(replicas, IntOrString.of("25%"), IntOrString.of("25%"));
    }

    private static Deployment deployment(int replicas, IntOrString maxSurge, IntOrString maxUnavailable) {
        return new Deployment("apps/v1", "Deployment", ObjectMeta.of("default", "web"), new DeploymentSpec(replicas,
                new LabelSelectorSpec(Map.of("app", "web"), null), template("python3"),
                new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE,
                        new DeploymentStrategy.RollingUpdate(maxSurge, maxUnavailable)), 0, 10, null, 600), null);
    }

    private static Deployment recreate(int replicas) {
        Deployment rolling = deployment(replicas);
        DeploymentSpec spec = rolling.spec();
        return rolling.withSpec(new DeploymentSpec(replicas, spec.selector(), spec.template(),
                new DeploymentStrategy(DeploymentStrategy.RECREATE, null), 0, 10, null, 600));
    }

    private static RevisionTemplateSpec template(String image) {
        return new RevisionTemplateSpec(ObjectMeta.builder().labels(Map.of("app", "web")).build(),
                RevisionSpec.builder().containers(List.of(Container.builder().image(image).build())).build());
    }
}

package dev.kumo.serving.deployments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.DeploymentSpec;
import dev.kumo.api.apps.DeploymentStrategy;
import dev.kumo.api.apps.ReplicaSet;
import dev.kumo.api.meta.LabelSelectorSpec;
import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.meta.OwnerReference;
import dev.kumo.api.serving.RevisionSpec;
import dev.kumo.api.serving.RevisionTemplateSpec;
import dev.kumo.api.serving.pod.Container;
import dev.kumo.api.serving.pod.IntOrString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ReplicaSetViewsTest {

    @Test
    void aNewDeploymentShowsOneReplicaSetAtRevisionOne() {
        Deployment web = deployment("one", 3, 10);
        String hash = ReplicaSetViews.currentHash(web, List.of());

        ReplicaSetViews.Plan plan = ReplicaSetViews.plan(web, hash, List.of(),
                Map.of(hash, new ReplicaSetViews.Counts(3, 2, 1)));

        assertThat(plan.revision()).isEqualTo("1");
        assertThat(plan.delete()).isEmpty();
        ReplicaSet rs = plan.views().getFirst();
        assertThat(rs.metadata().name()).isEqualTo("web-" + hash);
        assertThat(rs.metadata().labels()).containsEntry("app", "web").containsEntry("pod-template-hash", hash);
        assertThat(rs.metadata().annotations()).containsEntry(ReplicaSetViews.REVISION, "1")
                .containsEntry(ReplicaSetViews.DESIRED_REPLICAS, "3")
                .containsEntry(ReplicaSetViews.MAX_REPLICAS, "4").containsEntry("kubernetes.io/change-cause", "one");
        assertThat(rs.metadata().ownerReferences()).containsExactly(
                new OwnerReference("apps/v1", "Deployment", "web", "uid-web", true, true));
        assertThat(rs.spec().replicas()).isEqualTo(3);
        assertThat(rs.spec().selector().matchLabels()).containsEntry("pod-template-hash", hash);
        assertThat(rs.spec().template().metadata().labels()).containsEntry("pod-template-hash", hash);
        assertThat(rs.status().replicas()).isEqualTo(3);
        assertThat(rs.status().readyReplicas()).isEqualTo(2);
        assertThat(rs.status().availableReplicas()).isEqualTo(1);
    }

    @Test
    void aNewTemplateIsTheNextRevisionAndTheOldOneShowsItsRemainingInstances() {
        ReplicaSet first = stored(deployment("one", 2, 10), 1);
        Deployment two = deployment("two", 2, 10);
        String hash = ReplicaSetViews.currentHash(two, List.of(first));

        ReplicaSetViews.Plan plan = ReplicaSetViews.plan(two, hash, List.of(first),
                Map.of(hash, new ReplicaSetViews.Counts(1, 0, 0), hashOf(first), new ReplicaSetViews.Counts(2, 2, 2)));

        assertThat(hash).isNotEqualTo(hashOf(first));
        assertThat(plan.revision()).isEqualTo("2");
        ReplicaSet old = plan.views().get(1);
        assertThat(old.metadata().name()).isEqualTo(first.metadata().name());
        assertThat(old.metadata().annotations()).containsEntry(ReplicaSetViews.REVISION, "1");
        assertThat(old.spec().replicas()).isEqualTo(2);
        assertThat(old.spec().template()).isEqualTo(first.spec().template());
    }

    @Test
    void aRolledBackTemplateIsItsOldReplicaSetsAgainAtTheNextRevision() {
        ReplicaSet first = stored(deployment("one", 1, 10), 1);
        ReplicaSet second = stored(deployment("two", 1, 10), 2);
        // kubectl's undo: the old ReplicaSet's template without pod-template-hash, as the Deployment's.
        Deployment rolledBack = deployment("one", 1, 10);

        String hash = ReplicaSetViews.currentHash(rolledBack, List.of(second, first));
        ReplicaSetViews.Plan plan = ReplicaSetViews.plan(rolledBack, hash, List.of(second, first), Map.of());

        assertThat(hash).isEqualTo(hashOf(first));
        assertThat(plan.revision()).isEqualTo("3");
        assertThat(plan.views().getFirst().metadata().name()).isEqualTo(first.metadata().name());
    }

    @Test
    void oldReplicaSetsAtZeroAreKeptUpToTheHistoryLimitTheOldestDeletedFirst() {
        List<ReplicaSet> owned = new ArrayList<>();
        for (int revision = 1; revision <= 4; revision++) {
            owned.add(stored(deployment("v" + revision, 1, 2), revision));
        }
        Deployment five = deployment("v5", 1, 2);

        ReplicaSetViews.Plan plan = ReplicaSetViews.plan(five, ReplicaSetViews.currentHash(five, owned), owned,
                Map.of(hashOf(owned.get(0)), new ReplicaSetViews.Counts(1, 1, 1)));

        // Revision 1 still has an instance: not deleted. Of the idle 2, 3, 4, two are kept.
        assertThat(plan.delete()).containsExactly(owned.get(1).metadata().name());
        assertThat(plan.revision()).isEqualTo("5");
        assertThat(plan.views()).hasSize(4);
    }

    private static ReplicaSet stored(Deployment deployment, long revision) {
        String hash = DeploymentInstances.templateHash(deployment.spec().template());
        ReplicaSet view = ReplicaSetViews.plan(deployment, hash, List.of(), Map.of()).views().getFirst();
        return view.withMetadata(view.metadata().withAnnotation(ReplicaSetViews.REVISION, Long.toString(revision)));
    }

    private static String hashOf(ReplicaSet rs) {
        return rs.metadata().labels().get("pod-template-hash");
    }

    private static Deployment deployment(String image, int replicas, int historyLimit) {
        ObjectMeta metadata = ObjectMeta.builder().namespace("default").name("web").uid("uid-web")
                .annotations(Map.of("kubernetes.io/change-cause", image)).build();
        return new Deployment("apps/v1", "Deployment", metadata, new DeploymentSpec(replicas,
                new LabelSelectorSpec(Map.of("app", "web"), null),
                new RevisionTemplateSpec(ObjectMeta.builder().labels(Map.of("app", "web")).build(),
                        RevisionSpec.builder().containers(List.of(Container.builder().image(image).build())).build()),
                new DeploymentStrategy(DeploymentStrategy.ROLLING_UPDATE, new DeploymentStrategy.RollingUpdate(
                        IntOrString.of("25%"), IntOrString.of("25%"))), 0, historyLimit, null, 600), null);
    }
}

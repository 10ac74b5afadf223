package dev.kumo.serving.deployments;

import dev.kumo.api.apps.Deployment;
import dev.kumo.api.apps.ReplicaSet;
import dev.kumo.api.apps.ReplicaSetStatus;
import dev.kumo.api.meta.LabelSelector;
import dev.kumo.controller.client.TypedStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Writes a {@link ReplicaSetViews.Plan}: each view created or updated where it changed, the revision annotated. */
final class ReplicaSetWriter {

    private final TypedStore<Deployment> deployments;
    private final TypedStore<ReplicaSet> replicaSets;

    ReplicaSetWriter(TypedStore<Deployment> deployments, TypedStore<ReplicaSet> replicaSets) {
        this.deployments = deployments;
        this.replicaSets = replicaSets;
    }

    /** The ReplicaSets {@code deployment} controls (by its uid, as kubectl tells them apart). */
    List<ReplicaSet> owned(Deployment deployment) {
        return replicaSets.list(deployment.metadata().namespace(), LabelSelector.EVERYTHING).stream()
                .filter(rs -> rs.metadata().ownerReferencesOrEmpty().stream()
                        .anyMatch(o -> Boolean.TRUE.equals(o.controller())
                                && Objects.equals(o.uid(), deployment.metadata().uid())))
                .toList();
    }

    /** Writes {@code plan}; returns the Deployment as stored after its revision annotation. */
    Deployment write(Deployment deployment, ReplicaSetViews.Plan plan) {
        String namespace = deployment.metadata().namespace();
        for (ReplicaSet view : plan.views()) {
            Optional<ReplicaSet> stored = replicaSets.get(namespace, view.metadata().name());
            ReplicaSet written;
            if (stored.isEmpty()) {
                written = replicaSets.createControlledBy(view, deployments, deployment);
            } else if (!sameMetaAndSpec(stored.get(), view)) {
                written = replicaSets.update(view.withMetadata(stored.get().metadata().toBuilder()
                        .labels(view.metadata().labels()).annotations(view.metadata().annotations()).build()));
            } else {
                written = stored.get();
            }
            replicaSets.updateStatusIfChanged(written, written.withStatus(new ReplicaSetStatus(
                    view.status().replicas(), view.status().fullyLabeledReplicas(), view.status().readyReplicas(),
                    view.status().availableReplicas(), written.metadata().generation())), ReplicaSet::status);
        }
        plan.delete().forEach(name -> replicaSets.delete(namespace, name));
        if (plan.revision().equals(deployment.metadata().annotationsOrEmpty().get(ReplicaSetViews.REVISION))) {
            return deployment;
        }
        return deployments.update(new Deployment(deployment.apiVersion(), deployment.kind(),
                deployment.metadata().withAnnotation(ReplicaSetViews.REVISION, plan.revision()), deployment.spec(),
                deployment.status()));
    }

    private static boolean sameMetaAndSpec(ReplicaSet stored, ReplicaSet view) {
        return Objects.equals(stored.metadata().labelsOrEmpty(), view.metadata().labelsOrEmpty())
                && Objects.equals(stored.metadata().annotationsOrEmpty(), view.metadata().annotationsOrEmpty())
                && Objects.equals(stored.spec(), view.spec());
    }
}

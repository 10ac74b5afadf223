package dev.kumo.controller.rbac;

import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleAggregation;
import dev.kumo.api.rbac.PolicyRule;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.controller.engine.Reconciler;
import dev.kumo.controller.engine.Result;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' clusterrole-aggregation controller: a ClusterRole with an {@code aggregationRule} gets as its rules
 * the union of the rules of the ClusterRoles its selectors match, written when they differ.
 */
public final class ClusterRoleAggregationReconciler implements Reconciler {

    private final TypedStore<ClusterRole> clusterRoles;

    ClusterRoleAggregationReconciler(TypedStore<ClusterRole> clusterRoles) {
        this.clusterRoles = clusterRoles;
    }

    @Override
    public Result reconcile(NamespacedName key) {
        Optional<ClusterRole> role = clusterRoles.get("", key.name());
        if (role.isEmpty()) {
            return Result.done();
        }
        Optional<List<PolicyRule>> rules = ClusterRoleAggregation.rules(role.get(), clusterRoles.listAll());
        if (rules.isEmpty() || rules.get().equals(role.get().rulesOrEmpty())) {
            return Result.done();
        }
        ClusterRole stored = role.get();
        clusterRoles.update(new ClusterRole(stored.apiVersion(), stored.kind(), stored.metadata(), rules.get(),
                stored.aggregationRule()));
        return Result.done();
    }
}

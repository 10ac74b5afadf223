package dev.kumo.controller.rbac;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.engine.Controller;
import dev.kumo.controller.engine.Engine;
import dev.kumo.controller.engine.NamespacedName;
import dev.kumo.store.ResourceStore;

/**
 * Wires ClusterRole aggregation: any ClusterRole's change (its labels or rules) reconciles every ClusterRole with an
 * aggregationRule, so a chain (view → edit → admin) settles in as many rounds as it is long.
 */
public final class ClusterRoleAggregationController {

    public static final String NAME = "clusterrole-aggregation";

    private ClusterRoleAggregationController() {
    }

    /** Registers the controller with {@code engine}. */
    public static void register(Engine engine, ResourceStore store) {
        TypedStore<ClusterRole> clusterRoles = new TypedStore<>(store, ResourceTypes.CLUSTER_ROLE, ClusterRole.class);
        engine.register(Controller.of(NAME, ResourceTypes.CLUSTER_ROLE, reconciler(store))
                .watching(ResourceTypes.CLUSTER_ROLE, changed -> clusterRoles.listAll().stream()
                        .filter(role -> role.aggregationRule() != null)
                        .map(role -> new NamespacedName("", role.metadata().name())).toList()));
    }

    /** The reconciler alone, for tests that call it directly. */
    public static ClusterRoleAggregationReconciler reconciler(ResourceStore store) {
        return new ClusterRoleAggregationReconciler(new TypedStore<>(store, ResourceTypes.CLUSTER_ROLE,
                ClusterRole.class));
    }
}

package dev.kumo.store.rbac;

import dev.kumo.api.codec.Json;
import dev.kumo.api.errors.ApiException;
import dev.kumo.api.errors.StatusReason;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.rbac.BootstrapPolicy;
import dev.kumo.store.ResourceStore;

/**
 * Stores the default ClusterRoles and ClusterRoleBindings ({@link BootstrapPolicy}) that are missing, as Kubernetes'
 * API server does at start; one a user changed or deleted-and-recreated is left as it is.
 */
public final class RbacDefaults {

    private RbacDefaults() {
    }

    /** Creates each default role and binding {@code store} lacks. */
    public static void ensure(ResourceStore store) {
        BootstrapPolicy.clusterRoles().forEach(role -> ensure(store, ResourceTypes.CLUSTER_ROLE, role));
        BootstrapPolicy.clusterRoleBindings().forEach(b -> ensure(store, ResourceTypes.CLUSTER_ROLE_BINDING, b));
    }

    private static void ensure(ResourceStore store, ResourceType type, HasMetadata object) {
        if (store.get(type, "", object.metadata().name()).isPresent()) {
            return;
        }
        try {
            store.create(type, Json.toTree(object));
        } catch (ApiException e) {
            if (e.reason() != StatusReason.AlreadyExists) {
                throw e;
            }
        }
    }
}

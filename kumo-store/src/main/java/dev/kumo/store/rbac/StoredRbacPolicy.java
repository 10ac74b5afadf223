package dev.kumo.store.rbac;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.TypedCodec;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleBinding;
import dev.kumo.api.rbac.Role;
import dev.kumo.api.rbac.RoleBinding;
import dev.kumo.api.rbac.authorizer.RbacPolicy;
import dev.kumo.store.ListOptions;
import dev.kumo.store.ResourceStore;
import java.util.List;
import java.util.Optional;

/** The roles and bindings {@code store} holds, read afresh on every question (no cache to go stale). */
public record StoredRbacPolicy(ResourceStore store) implements RbacPolicy {

    @Override
    public List<ClusterRoleBinding> clusterRoleBindings() {
        return store.list(ResourceTypes.CLUSTER_ROLE_BINDING, ListOptions.ALL).items().stream()
                .map(o -> decode(o, ClusterRoleBinding.class)).toList();
    }

    @Override
    public List<RoleBinding> roleBindings(String namespace) {
        return store.list(ResourceTypes.ROLE_BINDING, ListOptions.in(namespace)).items().stream()
                .map(o -> decode(o, RoleBinding.class)).toList();
    }

    @Override
    public Optional<Role> role(String namespace, String name) {
        return store.get(ResourceTypes.ROLE, namespace, name).map(o -> decode(o, Role.class));
    }

    @Override
    public Optional<ClusterRole> clusterRole(String name) {
        return store.get(ResourceTypes.CLUSTER_ROLE, "", name).map(o -> decode(o, ClusterRole.class));
    }

    private static <T> T decode(ObjectNode object, Class<T> type) {
        return TypedCodec.decode(object, type).value();
    }
}

package dev.kumo.api.rbac.authorizer;

import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleBinding;
import dev.kumo.api.rbac.Role;
import dev.kumo.api.rbac.RoleBinding;
import java.util.List;
import java.util.Optional;

/** The roles and bindings the authorizer evaluates, as the store holds them now. */
public interface RbacPolicy {

    /** No roles and no bindings: only {@code system:masters} may do anything. */
    RbacPolicy NONE = new RbacPolicy() {
        public List<ClusterRoleBinding> clusterRoleBindings() {
            return List.of();
        }

        public List<RoleBinding> roleBindings(String namespace) {
            return List.of();
        }

        public Optional<Role> role(String namespace, String name) {
            return Optional.empty();
        }

        public Optional<ClusterRole> clusterRole(String name) {
            return Optional.empty();
        }
    };

    List<ClusterRoleBinding> clusterRoleBindings();

    List<RoleBinding> roleBindings(String namespace);

    Optional<Role> role(String namespace, String name);

    Optional<ClusterRole> clusterRole(String name);
}

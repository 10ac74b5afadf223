package dev.kumo.api.rbac.authorizer;

import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleBinding;
import dev.kumo.api.rbac.Role;
import dev.kumo.api.rbac.RoleBinding;
import java.util.List;
import java.util.Optional;

/** The roles and bindings the authorizer evaluates, as the store holds them now. */
public interface RbacPolicy {

    List<ClusterRoleBinding> clusterRoleBindings();

    List<RoleBinding> roleBindings(String namespace);

    Optional<Role> role(String namespace, String name);

    Optional<ClusterRole> clusterRole(String name);
}

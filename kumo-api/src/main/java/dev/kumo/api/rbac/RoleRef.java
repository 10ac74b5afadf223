package dev.kumo.api.rbac;

/** The role a binding grants: {@code kind} Role or ClusterRole, of {@code apiGroup} rbac.authorization.k8s.io. */
public record RoleRef(String apiGroup, String kind, String name) {

    /** As Kubernetes prints it in the "cannot change roleRef" error. */
    @Override
    public String toString() {
        return "rbac.RoleRef{APIGroup:\"" + apiGroup + "\", Kind:\"" + kind + "\", Name:\"" + name + "\"}";
    }
}

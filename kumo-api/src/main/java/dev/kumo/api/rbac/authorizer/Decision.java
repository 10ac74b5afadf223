package dev.kumo.api.rbac.authorizer;

/**
 * The authorizer's answer: allowed, with the binding that allowed it as Kubernetes' RBAC words it
 * ({@code RBAC: allowed by RoleBinding "NAME/NS" of Role "ROLE" to ServiceAccount "SA/NS"}), or not, with the
 * forbidden message.
 */
public record Decision(boolean allowed, String reason) {

    static Decision allow(String reason) {
        return new Decision(true, reason);
    }

    static Decision deny(String reason) {
        return new Decision(false, reason);
    }
}

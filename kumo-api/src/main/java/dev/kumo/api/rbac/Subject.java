package dev.kumo.api.rbac;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Whom a binding names: a User, a Group, or a ServiceAccount of {@code namespace}. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Subject(String kind, String apiGroup, String name, String namespace) {

    public static final String USER = "User";
    public static final String GROUP = "Group";
    public static final String SERVICE_ACCOUNT = "ServiceAccount";

    /** A Group subject. */
    public static Subject group(String name) {
        return new Subject(GROUP, RbacKinds.GROUP, name, null);
    }
}

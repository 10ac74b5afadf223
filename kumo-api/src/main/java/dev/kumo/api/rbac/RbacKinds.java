package dev.kumo.api.rbac;

import dev.kumo.api.core.ServiceAccount;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.kinds.KindRules;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.kinds.TypedAdmission;
import dev.kumo.api.printing.Cell;
import dev.kumo.api.printing.PrinterColumn;
import dev.kumo.api.printing.Printing;
import java.util.List;

/**
 * The kinds RBAC is made of, with kubectl's columns: ServiceAccount (core v1: NAME SECRETS AGE), Role and
 * ClusterRole (NAME CREATED AT), RoleBinding and ClusterRoleBinding (NAME ROLE AGE; USERS GROUPS SERVICEACCOUNTS
 * with {@code -o wide}), admitted with Kubernetes' defaults and validation ({@link RbacValidation}).
 */
public final class RbacKinds {

    /** The API group of RBAC's kinds, and of User and Group subjects. */
    public static final String GROUP = ResourceTypes.RBAC_GROUP;

    private RbacKinds() {
    }

    public static List<KindDefinition> all() {
        Printing roles = kubectl(List.of(PrinterColumn.value("Created At", ".metadata.creationTimestamp")),
                List.of());
        Printing bindings = kubectl(List.of(PrinterColumn.rendered("Role", ".roleRef", Cell.ROLE_REF)),
                List.of(PrinterColumn.age("Age"),
                        PrinterColumn.rendered("Users", subjects(Subject.USER) + ".name", Cell.JOINED).wide(),
                        PrinterColumn.rendered("Groups", subjects(Subject.GROUP) + ".name", Cell.JOINED).wide(),
                        PrinterColumn.rendered("ServiceAccounts", subjects(Subject.SERVICE_ACCOUNT),
                                Cell.NAMESPACED_NAMES).wide()));
        return List.of(
                new KindDefinition(ResourceTypes.SERVICE_ACCOUNT, new TypedAdmission<>(ResourceTypes.SERVICE_ACCOUNT,
                        ServiceAccount.class, NameRule.DNS1123_SUBDOMAIN,
                        KindRules.<ServiceAccount>of((value, old) -> value, (value, old) -> List.of())))
                        .withPrinting(kubectl(List.of(PrinterColumn.rendered("Secrets", ".secrets", Cell.COUNT)),
                                List.of(PrinterColumn.age("Age")))),
                new KindDefinition(ResourceTypes.ROLE, new TypedAdmission<>(ResourceTypes.ROLE, Role.class,
                        NameRule.PATH_SEGMENT, KindRules.<Role>of((value, old) -> value,
                                (value, old) -> RbacValidation.rules(value.rulesOrEmpty(), true))))
                        .withPrinting(roles),
                new KindDefinition(ResourceTypes.CLUSTER_ROLE, new TypedAdmission<>(ResourceTypes.CLUSTER_ROLE,
                        ClusterRole.class, NameRule.PATH_SEGMENT, KindRules.<ClusterRole>of((value, old) -> value,
                                (value, old) -> RbacValidation.clusterRole(value))))
                        .withPrinting(roles),
                new KindDefinition(ResourceTypes.ROLE_BINDING, new TypedAdmission<>(ResourceTypes.ROLE_BINDING,
                        RoleBinding.class, NameRule.PATH_SEGMENT, KindRules.<RoleBinding>of(
                                (value, old) -> new RoleBinding(value.apiVersion(), value.kind(), value.metadata(),
                                        RbacValidation.withDefaults(value.subjects()),
                                        RbacValidation.withDefaults(value.roleRef())),
                                (value, old) -> RbacValidation.binding(value.subjects(), value.roleRef(),
                                        old.map(RoleBinding::roleRef), true))))
                        .withPrinting(bindings),
                new KindDefinition(ResourceTypes.CLUSTER_ROLE_BINDING, new TypedAdmission<>(
                        ResourceTypes.CLUSTER_ROLE_BINDING, ClusterRoleBinding.class, NameRule.PATH_SEGMENT,
                        KindRules.<ClusterRoleBinding>of(
                                (value, old) -> new ClusterRoleBinding(value.apiVersion(), value.kind(),
                                        value.metadata(), RbacValidation.withDefaults(value.subjects()),
                                        RbacValidation.withDefaults(value.roleRef())),
                                (value, old) -> RbacValidation.binding(value.subjects(), value.roleRef(),
                                        old.map(ClusterRoleBinding::roleRef), false))))
                        .withPrinting(bindings));
    }

    private static String subjects(String kind) {
        return ".subjects[?(@.kind==\"" + kind + "\")]";
    }

    /** kubectl's columns: NAME, {@code middle}, {@code trailing}; kn shows NAME AGE. */
    private static Printing kubectl(List<PrinterColumn> middle, List<PrinterColumn> trailing) {
        return new Printing(Printing.named("Name", middle, trailing), Printing.NAME_AND_AGE.kn());
    }
}

package dev.kumo.api.rbac;

import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.ObjectMetaValidation;
import dev.kumo.api.kinds.ObjectMetaValidation.NameRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' validation of RBAC objects ({@code pkg/apis/rbac/validation}), with its field paths and wording: every
 * rule names verbs; a resource rule names API groups and resources; non-resource URLs only in ClusterRoles and
 * never beside resources; a binding's {@code roleRef} is a Role or ClusterRole of this group and cannot change;
 * subjects are Users, Groups or ServiceAccounts (of a namespace, in a ClusterRoleBinding).
 */
public final class RbacValidation {

    private static final List<String> SUBJECT_KINDS = List.of(Subject.SERVICE_ACCOUNT, Subject.USER, Subject.GROUP);

    private RbacValidation() {
    }

    /** The rules of a Role ({@code namespaced}) or ClusterRole. */
    static List<FieldError> rules(List<PolicyRule> rules, boolean namespaced) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            errors.addAll(rule(rules.get(i), namespaced, "rules[" + i + "]"));
        }
        return errors;
    }

    static List<FieldError> clusterRole(ClusterRole role) {
        List<FieldError> errors = new ArrayList<>(rules(role.rulesOrEmpty(), false));
        if (role.aggregationRule() != null && (role.aggregationRule().clusterRoleSelectors() == null
                || role.aggregationRule().clusterRoleSelectors().isEmpty())) {
            errors.add(FieldError.required("aggregationRule.clusterRoleSelectors",
                    "at least one clusterRoleSelector required if aggregationRule is non-nil"));
        }
        return errors;
    }

    private static List<FieldError> rule(PolicyRule rule, boolean namespaced, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (rule.verbs().isEmpty()) {
            errors.add(FieldError.required(path + ".verbs", "verbs must contain at least one value"));
        }
        if (!rule.nonResourceURLs().isEmpty()) {
            if (namespaced) {
                errors.add(FieldError.invalid(path + ".nonResourceURLs", rule.nonResourceURLs(),
                        "namespaced rules cannot apply to non-resource URLs"));
            }
            if (!rule.apiGroups().isEmpty() || !rule.resources().isEmpty() || !rule.resourceNames().isEmpty()) {
                errors.add(FieldError.invalid(path + ".nonResourceURLs", rule.nonResourceURLs(),
                        "rules cannot apply to both regular resources and non-resource URLs"));
            }
            return errors;
        }
        if (rule.apiGroups().isEmpty()) {
            errors.add(FieldError.required(path + ".apiGroups", "resource rules must supply at least one api group"));
        }
        if (rule.resources().isEmpty()) {
            errors.add(FieldError.required(path + ".resources", "resource rules must supply at least one resource"));
        }
        return errors;
    }

    /** A RoleBinding's ({@code namespaced}) or ClusterRoleBinding's subjects and role, {@code old} its stored role. */
    static List<FieldError> binding(List<Subject> subjects, RoleRef roleRef, Optional<RoleRef> old,
            boolean namespaced) {
        List<FieldError> errors = new ArrayList<>();
        if (roleRef == null) {
            errors.add(FieldError.required("roleRef.name", ""));
        } else {
            if (!RbacKinds.GROUP.equals(roleRef.apiGroup())) {
                errors.add(FieldError.notSupported("roleRef.apiGroup", roleRef.apiGroup(), List.of(RbacKinds.GROUP)));
            }
            if (!List.of("Role", "ClusterRole").contains(roleRef.kind())) {
                errors.add(FieldError.notSupported("roleRef.kind", roleRef.kind(), List.of("Role", "ClusterRole")));
            }
            if (roleRef.name() == null || roleRef.name().isEmpty()) {
                errors.add(FieldError.required("roleRef.name", ""));
            } else {
                ObjectMetaValidation.nameError("roleRef.name", roleRef.name(), NameRule.PATH_SEGMENT)
                        .ifPresent(e -> errors.add(FieldError.invalid("roleRef.name", roleRef.name(), e)));
            }
            if (old.isPresent() && !old.get().equals(roleRef)) {
                errors.add(FieldError.invalid("roleRef", roleRef, "cannot change roleRef"));
            }
        }
        List<Subject> all = subjects == null ? List.of() : subjects;
        for (int i = 0; i < all.size(); i++) {
            errors.addAll(subject(all.get(i), namespaced, "subjects[" + i + "]"));
        }
        return errors;
    }

    private static List<FieldError> subject(Subject subject, boolean namespaced, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (subject.name() == null || subject.name().isEmpty()) {
            errors.add(FieldError.required(path + ".name", ""));
        }
        String group = subject.apiGroup() == null ? "" : subject.apiGroup();
        switch (subject.kind() == null ? "" : subject.kind()) {
            case Subject.SERVICE_ACCOUNT -> {
                if (subject.name() != null && !subject.name().isEmpty()) {
                    ObjectMetaValidation.nameError(path + ".name", subject.name(), NameRule.DNS1123_SUBDOMAIN)
                            .ifPresent(e -> errors.add(FieldError.invalid(path + ".name", subject.name(), e)));
                }
                if (!group.isEmpty()) {
                    errors.add(FieldError.notSupported(path + ".apiGroup", group, List.of("")));
                }
                if (!namespaced && (subject.namespace() == null || subject.namespace().isEmpty())) {
                    errors.add(FieldError.required(path + ".namespace", ""));
                }
            }
            case Subject.USER, Subject.GROUP -> {
                if (!RbacKinds.GROUP.equals(group)) {
                    errors.add(FieldError.notSupported(path + ".apiGroup", group, List.of(RbacKinds.GROUP)));
                }
            }
            default -> errors.add(FieldError.notSupported(path + ".kind", subject.kind(), SUBJECT_KINDS));
        }
        return errors;
    }

    /** Kubernetes' defaults: User and Group subjects are of the RBAC group, ServiceAccounts of the core one. */
    static List<Subject> withDefaults(List<Subject> subjects) {
        if (subjects == null) {
            return null;
        }
        return subjects.stream().map(s -> s.apiGroup() != null && !s.apiGroup().isEmpty() ? s
                : new Subject(s.kind(), Subject.SERVICE_ACCOUNT.equals(s.kind()) ? "" : RbacKinds.GROUP, s.name(),
                        s.namespace())).toList();
    }

    /** A role reference without an API group is of the RBAC group. */
    static RoleRef withDefaults(RoleRef ref) {
        return ref == null || ref.apiGroup() != null && !ref.apiGroup().isEmpty() ? ref
                : new RoleRef(RbacKinds.GROUP, ref.kind(), ref.name());
    }
}

package dev.kumo.api.rbac.authorizer;

import dev.kumo.api.rbac.ClusterRole;
import dev.kumo.api.rbac.ClusterRoleBinding;
import dev.kumo.api.rbac.PolicyRule;
import dev.kumo.api.rbac.Role;
import dev.kumo.api.rbac.RoleBinding;
import dev.kumo.api.rbac.RoleRef;
import dev.kumo.api.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Kubernetes' RBAC authorizer over a {@link RbacPolicy}: a request is allowed when a rule of a role bound to the user
 * (by name, by group, or as a ServiceAccount) allows it — ClusterRoleBindings everywhere, RoleBindings in their own
 * namespace only. Members of {@code system:masters} are allowed everything, bound or not, as Kubernetes' privileged
 * group authorizer does. Nothing is denied explicitly: what no rule allows is forbidden.
 */
public final class RbacAuthorizer {

    private final RbacPolicy policy;

    public RbacAuthorizer(RbacPolicy policy) {
        this.policy = policy;
    }

    /** Whether {@code user} may do what {@code attributes} say. */
    public Decision authorize(UserInfo user, Attributes attributes) {
        if (user.groups().contains(UserInfo.MASTERS)) {
            return Decision.allow("");
        }
        String namespace = attributes instanceof Attributes.Resource r ? r.namespace() : "";
        for (Bound bound : boundRules(user, namespace)) {
            if (RuleMatching.allows(bound.rule(), attributes)) {
                return Decision.allow("RBAC: allowed by " + bound.source());
            }
        }
        return Decision.deny(Attributes.forbiddenMessage(user.name(), attributes));
    }

    /** Every rule that applies to {@code user} in {@code namespace} (the cluster-wide ones when it is empty). */
    public List<PolicyRule> rulesFor(UserInfo user, String namespace) {
        if (user.groups().contains(UserInfo.MASTERS)) {
            return List.of(PolicyRule.resources(List.of("*"), List.of("*"), List.of("*")),
                    PolicyRule.urls(List.of("*"), List.of("*")));
        }
        return boundRules(user, namespace).stream().map(Bound::rule).toList();
    }

    /** A rule and how it came to apply, in Kubernetes' words. */
    private record Bound(PolicyRule rule, String source) {
    }

    private List<Bound> boundRules(UserInfo user, String namespace) {
        List<Bound> rules = new ArrayList<>();
        for (ClusterRoleBinding binding : policy.clusterRoleBindings()) {
            Optional<Subject> subject = appliesTo(user, binding.subjectsOrEmpty(), "");
            if (subject.isPresent() && binding.roleRef() != null) {
                String source = "ClusterRoleBinding \"" + binding.metadata().name() + "\"";
                rules(binding.roleRef(), "").forEach(rule -> rules.add(new Bound(rule,
                        describe(source, binding.roleRef(), subject.get()))));
            }
        }
        if (!namespace.isEmpty()) {
            for (RoleBinding binding : policy.roleBindings(namespace)) {
                Optional<Subject> subject = appliesTo(user, binding.subjectsOrEmpty(), namespace);
                if (subject.isPresent() && binding.roleRef() != null) {
                    String source = "RoleBinding \"" + binding.metadata().name() + "/" + namespace + "\"";
                    rules(binding.roleRef(), namespace).forEach(rule -> rules.add(new Bound(rule,
                            describe(source, binding.roleRef(), subject.get()))));
                }
            }
        }
        return rules;
    }

    private List<PolicyRule> rules(RoleRef ref, String namespace) {
        return switch (ref.kind()) {
            case "ClusterRole" -> policy.clusterRole(ref.name()).map(ClusterRole::rulesOrEmpty).orElse(List.of());
            case "Role" -> namespace.isEmpty() ? List.of()
                    : policy.role(namespace, ref.name()).map(Role::rulesOrEmpty).orElse(List.of());
            default -> List.of();
        };
    }

    /** The first of {@code subjects} that is {@code user}, a ServiceAccount's namespace defaulting to the binding's. */
    private static Optional<Subject> appliesTo(UserInfo user, List<Subject> subjects, String namespace) {
        return subjects.stream().filter(subject -> switch (subject.kind() == null ? "" : subject.kind()) {
            case Subject.USER -> user.name().equals(subject.name());
            case Subject.GROUP -> user.groups().contains(subject.name());
            case Subject.SERVICE_ACCOUNT -> {
                String saNamespace = subject.namespace() == null || subject.namespace().isEmpty() ? namespace
                        : subject.namespace();
                yield !saNamespace.isEmpty()
                        && user.name().equals(UserInfo.SERVICE_ACCOUNT_PREFIX + saNamespace + ":" + subject.name());
            }
            default -> false;
        }).findFirst();
    }

    private static String describe(String binding, RoleRef role, Subject subject) {
        String who = Subject.SERVICE_ACCOUNT.equals(subject.kind())
                ? subject.name() + "/" + (subject.namespace() == null ? "" : subject.namespace()) : subject.name();
        return binding + " of " + role.kind() + " \"" + role.name() + "\" to " + subject.kind() + " \"" + who + "\"";
    }
}

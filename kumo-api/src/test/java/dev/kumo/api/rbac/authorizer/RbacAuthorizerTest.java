package dev.kumo.api.rbac.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.api.meta.ObjectMeta;
import dev.kumo.api.rbac.BootstrapPolicy;
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
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Kubernetes' RBAC semantics, case by case: rule matching, subjects, binding scope, the default roles. */
class RbacAuthorizerTest {

    private static final UserInfo EVENTS_SA = UserInfo.serviceAccount("default", "events-sa");
    private static final UserInfo ALICE = UserInfo.impersonated("alice", List.of("team-a"));

    /** One case: who asks, what, with which extra roles and bindings besides the defaults, and the answer. */
    record Case(String name, UserInfo user, Attributes attributes, boolean allowed) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Policy policy = new Policy();
    private final RbacAuthorizer authorizer = new RbacAuthorizer(policy);

    RbacAuthorizerTest() {
        policy.roles.add(role("default", "event-watcher", rule(List.of("get", "list", "watch"), List.of(""),
                List.of("events"))));
        policy.roleBindings.add(roleBinding("default", "k8s-ra-event-watcher", ref("Role", "event-watcher"),
                new Subject("ServiceAccount", "", "events-sa", "default")));
        policy.roles.add(role("team-a", "logs", rule(List.of("get"), List.of(""), List.of("pods/log")),
                rule(List.of("get"), List.of("apps"), List.of("*/scale")),
                new PolicyRule(List.of("get", "update"), List.of(""), List.of("configmaps"), List.of("settings"),
                        List.of())));
        policy.roleBindings.add(roleBinding("team-a", "logs", ref("Role", "logs"), Subject.group("team-a")));
        policy.clusterRoles.add(new ClusterRole("rbac.authorization.k8s.io/v1", "ClusterRole",
                ObjectMeta.builder().name("metrics").build(), List.of(PolicyRule.urls(List.of("get"),
                        List.of("/metrics", "/logs/*"))), null));
        policy.clusterRoleBindings.add(new ClusterRoleBinding("rbac.authorization.k8s.io/v1", "ClusterRoleBinding",
                ObjectMeta.builder().name("alice-metrics").build(), List.of(new Subject("User",
                        "rbac.authorization.k8s.io", "alice", null)), ref("ClusterRole", "metrics")));
        policy.roleBindings.add(roleBinding("team-b", "all-sas-view", ref("ClusterRole", "view"),
                Subject.group("system:serviceaccounts")));
        policy.roleBindings.add(roleBinding("team-c", "team-c-sas-edit", ref("ClusterRole", "edit"),
                Subject.group("system:serviceaccounts:team-c")));
        policy.roleBindings.add(roleBinding("team-d", "defaulted-namespace", ref("ClusterRole", "view"),
                new Subject("ServiceAccount", "", "builder", null)));
    }

    static Stream<Case> cases() {
        UserInfo builder = UserInfo.serviceAccount("team-d", "builder");
        UserInfo teamC = UserInfo.serviceAccount("team-c", "deployer");
        return Stream.of(
                new Case("a Role's verbs on its resource in its namespace", EVENTS_SA,
                        Attributes.Resource.of("watch", "", "events", "default"), true),
                new Case("a verb the Role does not list", EVENTS_SA,
                        Attributes.Resource.of("delete", "", "events", "default"), false),
                new Case("a RoleBinding binds in its own namespace only", EVENTS_SA,
                        Attributes.Resource.of("list", "", "events", "other"), false),
                new Case("a RoleBinding does not grant cluster-wide", EVENTS_SA,
                        Attributes.Resource.of("list", "", "events", ""), false),
                new Case("the API group must match", EVENTS_SA,
                        Attributes.Resource.of("list", "events.k8s.io", "events", "default"), false),
                new Case("a subresource is not its resource", ALICE,
                        Attributes.Resource.of("get", "", "pods", "team-a"), false),
                new Case("pods/log names the subresource", ALICE,
                        new Attributes.Resource("get", "", "pods", "log", "p1", "team-a"), true),
                new Case("*/scale matches any resource's scale", ALICE,
                        new Attributes.Resource("get", "apps", "deployments", "scale", "d", "team-a"), true),
                new Case("*/scale is not the resource itself", ALICE,
                        new Attributes.Resource("get", "apps", "deployments", "", "d", "team-a"), false),
                new Case("resourceNames allow the named object", ALICE,
                        new Attributes.Resource("update", "", "configmaps", "", "settings", "team-a"), true),
                new Case("resourceNames refuse other objects", ALICE,
                        new Attributes.Resource("update", "", "configmaps", "", "other", "team-a"), false),
                new Case("resourceNames refuse a list (no name)", ALICE,
                        Attributes.Resource.of("get", "", "configmaps", "team-a"), false),
                new Case("a non-resource URL exactly", ALICE, new Attributes.NonResource("get", "/metrics"), true),
                new Case("a non-resource URL under a trailing *", ALICE,
                        new Attributes.NonResource("get", "/logs/kumo.log"), true),
                new Case("a non-resource URL not listed", ALICE, new Attributes.NonResource("get", "/debug"), false),
                new Case("system:discovery lets every authenticated user read /apis", EVENTS_SA,
                        new Attributes.NonResource("get", "/apis/serving.knative.dev/v1"), true),
                new Case("system:basic-user lets every user ask can-i", EVENTS_SA, Attributes.Resource.of("create",
                        "authorization.k8s.io", "selfsubjectaccessreviews", ""), true),
                new Case("the group system:serviceaccounts names every ServiceAccount", EVENTS_SA,
                        Attributes.Resource.of("list", "serving.knative.dev", "services", "team-b"), true),
                new Case("view does not read Secrets", EVENTS_SA,
                        Attributes.Resource.of("get", "", "secrets", "team-b"), false),
                new Case("system:serviceaccounts:NS names that namespace's ServiceAccounts", teamC,
                        Attributes.Resource.of("create", "", "configmaps", "team-c"), true),
                new Case("system:serviceaccounts:NS does not name another's", EVENTS_SA,
                        Attributes.Resource.of("create", "", "configmaps", "team-c"), false),
                new Case("a ServiceAccount subject without namespace is of the binding's", builder,
                        Attributes.Resource.of("list", "", "pods", "team-d"), true),
                new Case("system:masters may do anything", UserInfo.ADMIN,
                        Attributes.Resource.of("escalate", "rbac.authorization.k8s.io", "clusterroles", ""), true),
                new Case("a user in no binding may do nothing but discovery", UserInfo.impersonated("bob", List.of()),
                        Attributes.Resource.of("get", "", "configmaps", "default"), false),
                new Case("cluster-admin bound to a user allows every verb and URL", UserInfo.impersonated("root",
                        List.of("admins")), new Attributes.NonResource("post", "/anything"), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void evaluatesAsKubernetes(Case c) {
        policy.clusterRoleBindings.add(new ClusterRoleBinding("rbac.authorization.k8s.io/v1", "ClusterRoleBinding",
                ObjectMeta.builder().name("admins").build(), List.of(Subject.group("admins")),
                ref("ClusterRole", "cluster-admin")));

        assertThat(authorizer.authorize(c.user(), c.attributes()).allowed()).isEqualTo(c.allowed());
    }

    @Test
    void anAllowedRequestNamesTheBindingAndRoleAsKubernetesDoes() {
        Decision decision = authorizer.authorize(EVENTS_SA, Attributes.Resource.of("list", "", "events", "default"));

        assertThat(decision.reason()).isEqualTo("RBAC: allowed by RoleBinding \"k8s-ra-event-watcher/default\" of "
                + "Role \"event-watcher\" to ServiceAccount \"events-sa/default\"");
    }

    @Test
    void aRefusalIsWordedAsKubernetesForbids() {
        assertThat(authorizer.authorize(EVENTS_SA, Attributes.Resource.of("list", "", "events", "other")).reason())
                .isEqualTo("User \"system:serviceaccount:default:events-sa\" cannot list resource \"events\" in API "
                        + "group \"\" in the namespace \"other\"");
        assertThat(authorizer.authorize(EVENTS_SA, new Attributes.Resource("get", "", "pods", "log", "p", ""))
                .reason()).isEqualTo("User \"system:serviceaccount:default:events-sa\" cannot get resource "
                        + "\"pods/log\" in API group \"\" at the cluster scope");
        assertThat(authorizer.authorize(EVENTS_SA, new Attributes.NonResource("get", "/metrics")).reason())
                .isEqualTo("User \"system:serviceaccount:default:events-sa\" cannot get path \"/metrics\"");
    }

    @Test
    void aBindingToAMissingRoleGrantsNothing() {
        policy.roleBindings.add(roleBinding("default", "dangling", ref("Role", "gone"),
                new Subject("ServiceAccount", "", "events-sa", "default")));

        assertThat(authorizer.authorize(EVENTS_SA, Attributes.Resource.of("get", "", "pods", "default")).allowed())
                .isFalse();
    }

    @Test
    void impersonatingAServiceAccountUserNameGivesItsGroups() {
        assertThat(UserInfo.impersonated("system:serviceaccount:ns1:sa1", List.of()).groups())
                .containsExactly("system:serviceaccounts", "system:serviceaccounts:ns1", "system:authenticated");
        assertThat(UserInfo.impersonated("bob", List.of("devs")).groups())
                .containsExactly("devs", "system:authenticated");
    }

    @Test
    void theRulesOfAUserInANamespaceAreItsBoundRules() {
        assertThat(authorizer.rulesFor(EVENTS_SA, "default")).contains(rule(List.of("get", "list", "watch"),
                List.of(""), List.of("events")));
        assertThat(authorizer.rulesFor(EVENTS_SA, "other")).doesNotContain(rule(List.of("get", "list", "watch"),
                List.of(""), List.of("events")));
    }

    private static PolicyRule rule(List<String> verbs, List<String> groups, List<String> resources) {
        return PolicyRule.resources(verbs, groups, resources);
    }

    private static Role role(String namespace, String name, PolicyRule... rules) {
        return new Role("rbac.authorization.k8s.io/v1", "Role", ObjectMeta.of(namespace, name), List.of(rules));
    }

    private static RoleRef ref(String kind, String name) {
        return new RoleRef("rbac.authorization.k8s.io", kind, name);
    }

    private static RoleBinding roleBinding(String namespace, String name, RoleRef ref, Subject subject) {
        return new RoleBinding("rbac.authorization.k8s.io/v1", "RoleBinding", ObjectMeta.of(namespace, name),
                List.of(subject), ref);
    }

    /** The defaults Kubernetes bootstraps plus what a case adds, held in lists. */
    private static final class Policy implements RbacPolicy {
        final List<Role> roles = new ArrayList<>();
        final List<ClusterRole> clusterRoles = new ArrayList<>(BootstrapPolicy.clusterRoles());
        final List<RoleBinding> roleBindings = new ArrayList<>();
        final List<ClusterRoleBinding> clusterRoleBindings = new ArrayList<>(BootstrapPolicy.clusterRoleBindings());

        @Override
        public List<ClusterRoleBinding> clusterRoleBindings() {
            return clusterRoleBindings;
        }

        @Override
        public List<RoleBinding> roleBindings(String namespace) {
            return roleBindings.stream().filter(b -> b.metadata().namespace().equals(namespace)).toList();
        }

        @Override
        public Optional<Role> role(String namespace, String name) {
            return roles.stream().filter(r -> r.metadata().namespace().equals(namespace)
                    && r.metadata().name().equals(name)).findFirst();
        }

        @Override
        public Optional<ClusterRole> clusterRole(String name) {
            return clusterRoles.stream().filter(r -> r.metadata().name().equals(name)).findFirst();
        }
    }
}

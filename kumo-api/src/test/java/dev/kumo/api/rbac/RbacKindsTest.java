package dev.kumo.api.rbac;

import static dev.kumo.api.testing.KindFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.errors.FieldError;
import dev.kumo.api.kinds.KindDefinition;
import dev.kumo.api.printing.TableProfile;
import dev.kumo.api.printing.Tables;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.api.testing.KindFixtures;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RBAC objects admitted with Kubernetes' defaults and validation, and printed with kubectl's columns. */
class RbacKindsTest {

    private static final KindFixtures KINDS = new KindFixtures(RbacKinds.all());
    private static final String ROLE = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: event-watcher, namespace: default}
            rules:
              - apiGroups: [""]
                resources: [events]
                verbs: [get, list, watch]
            """;
    private static final String BINDING = """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: k8s-ra-event-watcher, namespace: default}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: event-watcher}
            subjects:
              - {kind: ServiceAccount, name: events-sa, namespace: default}
            """;

    @Test
    void theGettingStartedObjectsAdmitCleanly() {
        KINDS.assertAdmitsCleanly(yaml("""
                apiVersion: v1
                kind: ServiceAccount
                metadata: {name: events-sa, namespace: default}
                """));
        KINDS.assertAdmitsCleanly(yaml(ROLE));
        KINDS.assertAdmitsCleanly(yaml(BINDING));
    }

    @Test
    void rulesNeedVerbsAndResourceRulesNeedGroupsAndResources() {
        assertThat(KINDS.causes(yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata: {name: r, namespace: default}
                rules: [{resources: [pods]}, {verbs: [get], nonResourceURLs: [/healthz]}]
                """), Optional.empty())).extracting(FieldError::field).containsExactly("rules[0].verbs",
                "rules[0].apiGroups", "rules[1].nonResourceURLs");
        assertThat(KINDS.causes(yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata: {name: "system:probe"}
                rules: [{verbs: [get], nonResourceURLs: [/healthz]}, {verbs: [get], apiGroups: [""], resources: [pods],
                         nonResourceURLs: [/x]}]
                aggregationRule: {clusterRoleSelectors: []}
                """), Optional.empty())).extracting(FieldError::message).containsExactly(
                "rules[1].nonResourceURLs: Invalid value: [/x]: rules cannot apply to both regular resources and "
                        + "non-resource URLs",
                "aggregationRule.clusterRoleSelectors: Required value: at least one clusterRoleSelector required if "
                        + "aggregationRule is non-nil");
    }

    @Test
    void aBindingsRoleRefCannotChange() {
        ObjectNode changed = yaml(BINDING);
        ((ObjectNode) changed.get("roleRef")).put("name", "other");

        assertThat(KINDS.causes(changed, Optional.of(yaml(BINDING)))).extracting(FieldError::message)
                .containsExactly("roleRef: Invalid value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", "
                        + "Kind:\"Role\", Name:\"other\"}: cannot change roleRef");
    }

    @Test
    void subjectsAreUsersGroupsOrServiceAccountsOfANamespaceInClusterBindings() {
        assertThat(KINDS.causes(yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Secret, name: x}
                subjects:
                  - {kind: Robot, name: r2}
                  - {kind: ServiceAccount, name: sa}
                  - {kind: User, apiGroup: other.io, name: alice}
                """), Optional.empty())).extracting(FieldError::field).containsExactly("roleRef.kind",
                "subjects[0].kind", "subjects[1].namespace", "subjects[2].apiGroup");
    }

    @Test
    void userAndGroupSubjectsAndTheRoleRefDefaultToTheRbacGroup() {
        ObjectNode admitted = KINDS.admit(yaml("""
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata: {name: b}
                roleRef: {kind: ClusterRole, name: view}
                subjects: [{kind: Group, name: devs}, {kind: ServiceAccount, name: sa, namespace: ns}]
                """)).object();

        assertThat(admitted.at("/roleRef/apiGroup").asText()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(admitted.at("/subjects/0/apiGroup").asText()).isEqualTo("rbac.authorization.k8s.io");
        assertThat(admitted.at("/subjects/1/apiGroup").isMissingNode()).isTrue();
    }

    @Test
    void bindingsPrintTheirRoleAndWideTheirSubjectsAsKubectlDoes() {
        KindDefinition kind = BuiltInKinds.all().resolve("rolebindings").orElseThrow();
        ObjectNode binding = KINDS.admit(yaml(BINDING)).object();
        binding.withObject("/metadata").put("creationTimestamp", "2025-01-01T00:00:00Z");

        ObjectNode table = Tables.table(kind.printing().columns(TableProfile.KUBECTL), List.of(binding), 1,
                Instant.parse("2025-01-01T00:05:00Z"));

        assertThat(table.path("columnDefinitions").findValuesAsText("name"))
                .containsExactly("Name", "Role", "Age", "Users", "Groups", "ServiceAccounts");
        assertThat(table.at("/rows/0/cells").toString())
                .isEqualTo("[\"k8s-ra-event-watcher\",\"Role/event-watcher\",\"5m\",\"\",\"\",\"default/events-sa\"]");
    }

    @Test
    void rolesPrintTheirCreationTimeAndServiceAccountsTheirSecrets() {
        KindDefinition clusterRoles = BuiltInKinds.all().resolve("clusterroles").orElseThrow();
        KindDefinition serviceAccounts = BuiltInKinds.all().resolve("sa").orElseThrow();

        assertThat(clusterRoles.printing().columns(TableProfile.KUBECTL)).extracting(c -> c.name())
                .containsExactly("Name", "Created At");
        assertThat(serviceAccounts.printing().columns(TableProfile.KUBECTL)).extracting(c -> c.name())
                .containsExactly("Name", "Secrets", "Age");
    }
}

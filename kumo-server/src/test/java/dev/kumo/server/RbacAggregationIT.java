package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RBAC's leftovers with the real kubectl (issue #15): the access reviews in {@code kubectl api-resources}; a
 * ClusterRole's {@code aggregationRule} (Kubernetes' documented example, and the built-in {@code view}) followed as
 * {@code kubectl auth can-i} sees it; a PATCH of a binding refused when it would grant what the user lacks.
 */
class RbacAggregationIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void apiResourcesListsTheAccessReviews() {
        Kubectl.Result resources = kubectl.run("api-resources", "--api-group=authorization.k8s.io", "-o", "wide");

        assertThat(resources.exitCode()).as(resources.err()).isZero();
        assertThat(resources.out())
                .containsPattern("(?m)^selfsubjectaccessreviews\\s+authorization.k8s.io/v1\\s+false\\s+"
                        + "SelfSubjectAccessReview\\s+create")
                .containsPattern("(?m)^selfsubjectrulesreviews\\s+authorization.k8s.io/v1\\s+false\\s+"
                        + "SelfSubjectRulesReview\\s+create")
                .containsPattern("(?m)^subjectaccessreviews\\s+authorization.k8s.io/v1\\s+false\\s+"
                        + "SubjectAccessReview\\s+create");
    }

    @Test
    void anAggregatedClusterRoleFollowsTheRolesItSelects() throws IOException {
        apply("monitoring.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: monitoring
                aggregationRule:
                  clusterRoleSelectors:
                    - matchLabels:
                        rbac.example.com/aggregate-to-monitoring: "true"
                rules: []
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: monitoring-endpoints
                  labels:
                    rbac.example.com/aggregate-to-monitoring: "true"
                rules:
                  - apiGroups: [""]
                    resources: ["services", "endpoints", "pods"]
                    verbs: ["get", "list", "watch"]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: monitoring-alice
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: monitoring}
                subjects:
                  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: alice}
                """);

        await("alice may list pods").atMost(SETTLE).until(() -> can("--as=alice", "list", "pods"));
        assertThat(kubectl.run("get", "clusterrole", "monitoring", "-o", "jsonpath={.rules[0].resources}").out())
                .contains("pods", "endpoints");
        assertThat(can("--as=alice", "delete", "pods")).isFalse();

        assertThat(kubectl.run("label", "clusterrole", "monitoring-endpoints",
                "rbac.example.com/aggregate-to-monitoring-").exitCode()).isZero();
        await("alice may no longer list pods").atMost(SETTLE).until(() -> !can("--as=alice", "list", "pods"));
    }

    @Test
    void aClusterRoleLabelledAggregateToViewExtendsTheBuiltInView() throws IOException {
        apply("view.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRoleBinding
                metadata:
                  name: view-bob
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects:
                  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: bob}
                """);
        assertThat(can("--as=bob", "list", "ksvc")).isTrue();
        assertThat(can("--as=bob", "get", "secrets")).isFalse();

        apply("secrets-viewer.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: ClusterRole
                metadata:
                  name: secrets-viewer
                  labels:
                    rbac.authorization.k8s.io/aggregate-to-view: "true"
                rules:
                  - apiGroups: [""]
                    resources: ["secrets"]
                    verbs: ["get"]
                """);

        await("bob may get secrets through view").atMost(SETTLE).until(() -> can("--as=bob", "get", "secrets"));
        assertThat(rulesOf("view")).contains("secrets");
    }

    @Test
    void aPatchOfABindingMayNotGrantWhatThePatcherLacks() throws IOException {
        apply("patcher.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: Role
                metadata:
                  name: binding-patcher
                  namespace: default
                rules:
                  - apiGroups: ["rbac.authorization.k8s.io"]
                    resources: ["rolebindings"]
                    verbs: ["get", "patch"]
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: binding-patcher-carol
                  namespace: default
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: binding-patcher}
                subjects:
                  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: carol}
                ---
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: edit-dave
                  namespace: default
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: edit}
                subjects:
                  - {apiGroup: rbac.authorization.k8s.io, kind: User, name: dave}
                """);
        String addCarol = "{\"subjects\":[{\"apiGroup\":\"rbac.authorization.k8s.io\",\"kind\":\"User\","
                + "\"name\":\"carol\"}]}";

        Kubectl.Result refused = kubectl.run("--as=carol", "patch", "rolebinding", "edit-dave", "--type=merge",
                "-p", addCarol);

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("Error from server (Forbidden): rolebindings.rbac.authorization.k8s.io "
                + "\"edit-dave\" is forbidden: user \"carol\" is attempting to grant RBAC permissions not currently "
                + "held");
        assertThat(kubectl.run("get", "rolebinding", "edit-dave", "-o", "jsonpath={.subjects[*].name}").out())
                .isEqualTo("dave");
        assertThat(can("--as=carol", "create", "configmaps")).isFalse();

        Kubectl.Result allowed = kubectl.run("--as=carol", "patch", "rolebinding", "binding-patcher-carol",
                "--type=merge", "-p", "{\"metadata\":{\"labels\":{\"team\":\"blue\"}}}");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    private static void apply(String file, String yaml) throws IOException {
        Path manifest = temp.resolve(file);
        Files.writeString(manifest, yaml);
        Kubectl.Result applied = kubectl.run("apply", "-f", manifest.toString());
        assertThat(applied.exitCode()).as(applied.err()).isZero();
    }

    private static String rulesOf(String clusterRole) {
        return kubectl.run("get", "clusterrole", clusterRole, "-o", "jsonpath={.rules[*].resources}").out();
    }

    private static boolean can(String... args) {
        String[] command = new String[args.length + 2];
        command[0] = "auth";
        command[1] = "can-i";
        System.arraycopy(args, 0, command, 2, args.length);
        return kubectl.run(command).out().trim().equals("yes");
    }
}

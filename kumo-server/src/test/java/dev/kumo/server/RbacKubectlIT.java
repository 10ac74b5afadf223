package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * RBAC with the real kubectl (issue #15): the getting-started ServiceAccount, Role and RoleBinding apply; kubectl's
 * columns for them and the default ClusterRoles; {@code kubectl auth can-i} answers for the admin (Kumo's token) and
 * {@code --as} a ServiceAccount; a request impersonating it is refused in Kubernetes' words; a binding's roleRef
 * cannot change.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RbacKubectlIT {

    private static final String EVENTS_SA = "--as=system:serviceaccount:default:events-sa";

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() throws IOException {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        kubectl = new Kubectl(server, temp);
        String sample = Files.readString(Path.of("src/test/resources/manifests/rbac/apiserversource-getting-started"
                + ".yaml"));
        // Only the RBAC part: the source and its sink are ApiServerSourceRbacIT's.
        Files.writeString(temp.resolve("rbac.yaml"), sample.substring(0, sample.indexOf("apiVersion: serving")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void theGettingStartedServiceAccountRoleAndBindingApply() {
        Kubectl.Result applied = kubectl.run("apply", "-f", temp.resolve("rbac.yaml").toString());

        assertThat(applied.exitCode()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("serviceaccount/events-sa created",
                "role.rbac.authorization.k8s.io/event-watcher created",
                "rolebinding.rbac.authorization.k8s.io/k8s-ra-event-watcher created");
    }

    @Test
    @Order(2)
    void kubectlGetShowsKubectlsColumns() {
        Kubectl.Result bindings = kubectl.run("get", "rolebindings");
        assertThat(bindings.out().lines().findFirst().orElseThrow()).containsPattern("NAME\\s+ROLE\\s+AGE");
        assertThat(bindings.out()).containsPattern("k8s-ra-event-watcher\\s+Role/event-watcher\\s+\\d+s");
        Kubectl.Result wide = kubectl.run("get", "rolebindings", "-o", "wide");
        assertThat(wide.out().lines().findFirst().orElseThrow())
                .containsPattern("NAME\\s+ROLE\\s+AGE\\s+USERS\\s+GROUPS\\s+SERVICEACCOUNTS");
        assertThat(wide.out()).contains("default/events-sa");
        Kubectl.Result clusterRoles = kubectl.run("get", "clusterroles");
        assertThat(clusterRoles.out().lines().findFirst().orElseThrow()).containsPattern("NAME\\s+CREATED AT");
        assertThat(clusterRoles.out()).containsPattern("(?m)^cluster-admin\\s+\\d{4}-\\d\\d-\\d\\dT")
                .contains("view", "edit", "admin", "system:discovery");
        assertThat(kubectl.run("get", "clusterrolebindings").out()).containsPattern(
                "cluster-admin\\s+ClusterRole/cluster-admin");
        assertThat(kubectl.run("get", "roles").out()).containsPattern("(?m)^event-watcher\\s+\\d{4}-");
        assertThat(kubectl.run("get", "sa").out()).containsPattern("(?m)^NAME\\s+SECRETS\\s+AGE")
                .containsPattern("(?m)^events-sa\\s+0\\s+");
    }

    @Test
    @Order(3)
    void canIAnswersForTheAdminAndForAServiceAccount() {
        assertCan("yes", 0, "auth", "can-i", "list", "pods");
        assertCan("yes", 0, "auth", "can-i", "delete", "clusterroles");
        assertCan("yes", 0, "auth", "can-i", EVENTS_SA, "watch", "events");
        assertCan("yes", 0, "auth", "can-i", EVENTS_SA, "list", "events", "-n", "default");
        assertCan("no", 1, "auth", "can-i", EVENTS_SA, "delete", "events");
        assertCan("no", 1, "auth", "can-i", EVENTS_SA, "watch", "events", "-n", "kube-system");
        assertCan("no", 1, "auth", "can-i", EVENTS_SA, "list", "ksvc");
    }

    @Test
    @Order(4)
    void canIListsTheRulesOfAServiceAccount() {
        Kubectl.Result rules = kubectl.run("auth", "can-i", "--list", EVENTS_SA);

        assertThat(rules.exitCode()).as(rules.err()).isZero();
        assertThat(rules.out()).containsPattern("events\\s+\\[\\]\\s+\\[\\]\\s+\\[get list watch\\]")
                .contains("selfsubjectaccessreviews.authorization.k8s.io");
    }

    @Test
    @Order(5)
    void aRequestImpersonatingTheServiceAccountIsForbiddenWhatItsRoleDoesNotAllow() {
        Kubectl.Result refused = kubectl.run(EVENTS_SA, "get", "configmaps");

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("Error from server (Forbidden): configmaps is forbidden: User "
                + "\"system:serviceaccount:default:events-sa\" cannot list resource \"configmaps\" in API group \"\" "
                + "in the namespace \"default\"");
        Kubectl.Result named = kubectl.run(EVENTS_SA, "delete", "rolebinding", "k8s-ra-event-watcher");
        assertThat(named.err()).contains("rolebindings.rbac.authorization.k8s.io \"k8s-ra-event-watcher\" is "
                + "forbidden: User \"system:serviceaccount:default:events-sa\" cannot delete resource \"rolebindings\" "
                + "in API group \"rbac.authorization.k8s.io\" in the namespace \"default\"");
        assertThat(kubectl.run("get", "rolebinding", "k8s-ra-event-watcher").exitCode()).isZero();
    }

    @Test
    @Order(6)
    void aBindingsRoleRefCannotChange() throws IOException {
        Path changed = temp.resolve("changed.yaml");
        Files.writeString(changed, Files.readString(temp.resolve("rbac.yaml")).replace("  name: event-watcher\n"
                + "subjects", "  name: view\nsubjects").replace("kind: Role\n  name: view", "kind: ClusterRole\n"
                + "  name: view"));

        Kubectl.Result refused = kubectl.run("apply", "-f", changed.toString());

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("The RoleBinding \"k8s-ra-event-watcher\" is invalid: roleRef: Invalid "
                + "value: rbac.RoleRef{APIGroup:\"rbac.authorization.k8s.io\", Kind:\"ClusterRole\", Name:\"view\"}: "
                + "cannot change roleRef");
    }

    private static void assertCan(String answer, int exitCode, String... args) {
        Kubectl.Result result = kubectl.run(args);
        assertThat(result.out().trim()).as(String.join(" ", args) + ": " + result.err()).isEqualTo(answer);
        assertThat(result.exitCode()).isEqualTo(exitCode);
    }
}

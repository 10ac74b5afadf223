package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * An ApiServerSource's {@code serviceAccountName} decides what it may watch (issue #15): knative/docs' getting-started
 * manifest applied unchanged with kubectl (ServiceAccount, Role, RoleBinding, source; the sink event-display as a
 * process Service) is SufficientPermissions True; the same shape for ConfigMaps runs and its events reach
 * event-display; removing a RoleBinding turns the condition False naming the verbs and resource as Knative does,
 * and applying it again turns it True.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiServerSourceRbacIT {

    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final Path FLOWS = Path.of("..", "samples", "flows").toAbsolutePath().normalize();

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
    @Order(1)
    void theGettingStartedSourceHasSufficientPermissions() {
        apply("apiserversource-getting-started.yaml");

        awaitPermissions("testevents", "True");
        assertThat(condition("testevents", "SufficientPermissions", "reason")).isEmpty();
    }

    @Test
    @Order(2)
    void aSourceWhoseServiceAccountMayWatchConfigMapsSendsTheirEvents() {
        apply("configmap-watcher.yaml");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(condition("cm-events", "Ready", "status"))
                .isEqualTo("True"));
        await().atMost(SETTLE).untilAsserted(() -> assertThat(condition("event-display", "Ready", "status", "ksvc"))
                .isEqualTo("True"));

        Kubectl.Result created = kubectl.run("create", "configmap", "ping", "--from-literal=k=v");
        assertThat(created.exitCode()).as(created.err()).isZero();

        await().atMost(SETTLE).untilAsserted(() -> assertThat(displayed())
                .contains("/api/v1/namespaces/default/configmaps/ping"));
    }

    @Test
    @Order(3)
    void removingTheRoleBindingTurnsSufficientPermissionsFalseNamingTheVerbs() {
        Kubectl.Result deleted = kubectl.run("delete", "rolebinding", "k8s-ra-event-watcher");
        assertThat(deleted.exitCode()).as(deleted.err()).isZero();

        awaitPermissions("testevents", "False");
        assertThat(condition("testevents", "SufficientPermissions", "message")).isEqualTo("User "
                + "system:serviceaccount:default:events-sa cannot get, list, watch resource \"events\" in API group "
                + "\"\"");
        assertThat(condition("testevents", "Ready", "status")).isEqualTo("False");
    }

    @Test
    @Order(4)
    void aRoleLosingAVerbStopsTheSourceAndItsBindingBackRestoresIt() {
        Kubectl.Result patched = kubectl.run("patch", "role", "configmap-watcher", "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/rules/0/verbs\",\"value\":[\"get\",\"list\"]}]");
        assertThat(patched.exitCode()).as(patched.err()).isZero();

        awaitPermissions("cm-events", "False");
        assertThat(condition("cm-events", "SufficientPermissions", "message")).isEqualTo("User "
                + "system:serviceaccount:default:cm-sa cannot watch resource \"configmaps\" in API group \"\"");

        apply("apiserversource-getting-started.yaml");
        awaitPermissions("testevents", "True");
    }

    private static void apply(String manifest) {
        try {
            Path file = temp.resolve(manifest);
            Files.writeString(file, Files.readString(Path.of("src/test/resources/manifests/rbac", manifest))
                    .replace("${FLOWS}", FLOWS.toString()));
            Kubectl.Result applied = kubectl.run("apply", "-f", file.toString());
            assertThat(applied.exitCode()).as(applied.err()).isZero();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void awaitPermissions(String source, String status) {
        await().atMost(SETTLE).untilAsserted(() -> assertThat(condition(source, "SufficientPermissions", "status"))
                .isEqualTo(status));
    }

    private static String condition(String source, String type, String field) {
        return condition(source, type, field, "apiserversource");
    }

    private static String condition(String name, String type, String field, String kind) {
        return kubectl.run("get", kind, name, "-o", "jsonpath={.status.conditions[?(@.type==\"" + type + "\")]."
                + field + "}").out();
    }

    private static String displayed() {
        return new Ingress(server).get("event-display.default.localhost", "/").body();
    }
}

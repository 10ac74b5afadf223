package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** The real kubectl applies, lists and deletes eventing objects, and is refused invalid ones as by Knative's webhooks. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EventingKubectlIT {

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static Kubectl kubectl;

    @BeforeAll
    static void start() {
        server = KumoServer.start(new ServerConfig(temp.resolve("data"), new ServerConfig.HostPort("127.0.0.1", 0),
                new ServerConfig.HostPort("127.0.0.1", 0), "sqlite", true, true, false, ServerConfig.DEFAULT_DOMAIN));
        kubectl = new Kubectl(server, temp);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void applyCreatesABrokerATriggerAndAPingSource() {
        Kubectl.Result applied = kubectl.run("apply", "-f", manifest("broker-trigger-ping.yaml"));

        assertOk(applied, "broker.eventing.knative.dev/default created");
        assertThat(applied.out()).contains("trigger.eventing.knative.dev/display created",
                "pingsource.sources.knative.dev/tick created");
        assertOk(kubectl.run("apply", "-f", manifest("broker-trigger-ping.yaml")),
                "trigger.eventing.knative.dev/display unchanged");
    }

    @Test
    @Order(2)
    void getListsThemWithKnativesColumns() {
        Kubectl.Result listed = kubectl.run("get", "brokers,triggers,pingsources");

        assertOk(listed, "broker.eventing.knative.dev/default");
        assertThat(listed.out()).contains("trigger.eventing.knative.dev/display", "pingsource.sources.knative.dev/tick",
                "*/1 * * * *");
        assertThat(listed.out().lines().filter(line -> line.startsWith("NAME"))
                .map(line -> List.of(line.trim().split("\\s+"))).toList()).containsExactly(
                List.of("NAME", "URL", "AGE", "READY", "REASON"),
                List.of("NAME", "BROKER", "SUBSCRIBER_URI", "AGE", "READY", "REASON"),
                List.of("NAME", "SINK", "SCHEDULE", "AGE", "READY", "REASON"));
        assertOk(kubectl.run("get", "brokers", "-o", "wide"), "KumoBroker");
        assertOk(kubectl.run("get", "broker", "default", "-o", "jsonpath={.spec.delivery.backoffDelay}"), "PT0.2S");
        assertOk(kubectl.run("get", "eventing", "-o", "name"), "trigger.eventing.knative.dev/display");
        assertOk(kubectl.run("get", "sources", "-o", "name"), "pingsource.sources.knative.dev/tick");
    }

    @Test
    @Order(3)
    void anInvalidTriggerIsRefusedNamingTheField() {
        Kubectl.Result refused = kubectl.run("apply", "-f", manifest("invalid-trigger.yaml"));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("The Trigger \"bad\" is invalid: spec.filters[0]: Forbidden: multiple "
                + "dialects found (exact, prefix)");
    }

    @Test
    @Order(4)
    void aTriggersBrokerCannotChange() {
        Kubectl.Result refused = kubectl.run("apply", "-f", manifest("moved-trigger.yaml"));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("The Trigger \"display\" is invalid: spec.broker: Forbidden: field is "
                + "immutable");
        assertOk(kubectl.run("get", "trigger", "display", "-o", "jsonpath={.spec.broker}"), "default");
    }

    @Test
    @Order(5)
    void deleteRemovesThem() {
        assertOk(kubectl.run("delete", "-f", manifest("broker-trigger-ping.yaml")),
                "pingsource.sources.knative.dev \"tick\" deleted");
        assertThat(kubectl.run("get", "brokers,triggers,pingsources").err()).contains("No resources found");
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as(result.err()).contains(expected);
    }

    private static String manifest(String name) {
        try {
            return Path.of(EventingKubectlIT.class.getResource("/manifests/eventing/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

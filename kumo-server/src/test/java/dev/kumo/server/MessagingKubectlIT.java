package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real kubectl applies, lists and deletes messaging and flows objects: Knative's columns, short names and
 * categories, the children a Sequence and a Parallel generate with Knative's names, and the webhooks' refusals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MessagingKubectlIT {

    private static final Duration SETTLE = Duration.ofSeconds(30);

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
    void applyCreatesChannelsASubscriptionASequenceAndAParallel() {
        Kubectl.Result applied = kubectl.run("apply", "-f", manifest("channels-and-flows.yaml"));

        assertOk(applied, "channel.messaging.knative.dev/events created");
        assertThat(applied.out()).contains("inmemorychannel.messaging.knative.dev/raw created",
                "subscription.messaging.knative.dev/display created", "sequence.flows.knative.dev/seq created",
                "parallel.flows.knative.dev/par created");
        assertOk(kubectl.run("get", "channels", "events", "-o", "jsonpath={.spec.channelTemplate.kind}"),
                "InMemoryChannel");
    }

    @Test
    @Order(2)
    void getListsThemWithKnativesColumnsAndTheGeneratedChildren() {
        await().atMost(SETTLE).untilAsserted(() -> assertOk(kubectl.run("get", "sequence", "seq", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"), "True"));
        await().atMost(SETTLE).untilAsserted(() -> assertOk(kubectl.run("get", "parallel", "par", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Ready\")].status}"), "True"));
        Kubectl.Result listed = kubectl.run("get", "channels,subscriptions,sequences,parallels");

        assertOk(listed, "channel.messaging.knative.dev/events");
        assertThat(listed.out().lines().filter(line -> line.startsWith("NAME"))
                .map(line -> List.of(line.trim().split("\\s+"))).toList()).containsExactly(
                List.of("NAME", "URL", "AGE", "READY", "REASON"),
                List.of("NAME", "AGE", "READY", "REASON"),
                List.of("NAME", "URL", "AGE", "READY", "REASON"),
                List.of("NAME", "URL", "AGE", "READY", "REASON"));
        Kubectl.Result subscriptions = kubectl.run("get", "sub", "-o", "name");
        assertOk(subscriptions, "subscription.messaging.knative.dev/display");
        assertThat(subscriptions.out().lines().toList()).contains(
                "subscription.messaging.knative.dev/seq-kn-sequence-0",
                "subscription.messaging.knative.dev/seq-kn-sequence-1",
                "subscription.messaging.knative.dev/par-kn-parallel-filter-0",
                "subscription.messaging.knative.dev/par-kn-parallel-filter-1",
                "subscription.messaging.knative.dev/par-kn-parallel-0",
                "subscription.messaging.knative.dev/par-kn-parallel-1");
        assertThat(kubectl.run("get", "imc", "-o", "name").out().lines().toList()).contains(
                "inmemorychannel.messaging.knative.dev/events", "inmemorychannel.messaging.knative.dev/raw",
                "inmemorychannel.messaging.knative.dev/seq-kn-sequence-0",
                "inmemorychannel.messaging.knative.dev/seq-kn-sequence-1",
                "inmemorychannel.messaging.knative.dev/par-kn-parallel",
                "inmemorychannel.messaging.knative.dev/par-kn-parallel-0",
                "inmemorychannel.messaging.knative.dev/par-kn-parallel-1");
        assertOk(kubectl.run("get", "subscription", "seq-kn-sequence-0", "-o",
                "jsonpath={.metadata.ownerReferences[0].kind}/{.metadata.ownerReferences[0].name} "
                        + "{.spec.reply.ref.name}"), "Sequence/seq seq-kn-sequence-1");
        assertOk(kubectl.run("get", "messaging", "-o", "name"), "subscription.messaging.knative.dev/display");
        assertOk(kubectl.run("get", "flows", "-o", "name"), "parallel.flows.knative.dev/par");
        assertOk(kubectl.run("get", "ch", "events", "-o", "jsonpath={.status.address.url}"), "/channels/default/events");
    }

    @Test
    @Order(3)
    void aSequenceWithoutStepsIsRefusedNamingTheField() {
        Kubectl.Result refused = kubectl.run("apply", "-f", manifest("invalid-sequence.yaml"));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("The Sequence \"empty\" is invalid", "spec.steps: Required value");
    }

    @Test
    @Order(4)
    void aSubscriptionsChannelCannotChange() {
        Kubectl.Result refused = kubectl.run("apply", "-f", manifest("moved-subscription.yaml"));

        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.err()).contains("The Subscription \"display\" is invalid: spec.channel: Forbidden: field "
                + "is immutable");
    }

    @Test
    @Order(5)
    void deleteRemovesThemAndTheirChildren() {
        assertOk(kubectl.run("delete", "-f", manifest("channels-and-flows.yaml")),
                "sequence.flows.knative.dev \"seq\" deleted");
        await().atMost(SETTLE).untilAsserted(() -> assertThat(
                kubectl.run("get", "channels,inmemorychannels,subscriptions,sequences,parallels").err())
                .contains("No resources found"));
    }

    private static void assertOk(Kubectl.Result result, String expected) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).as(result.err()).contains(expected);
    }

    private static String manifest(String name) {
        try {
            return Path.of(MessagingKubectlIT.class.getResource("/manifests/messaging/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}

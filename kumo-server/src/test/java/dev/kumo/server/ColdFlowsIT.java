package dev.kumo.server;

import static dev.kumo.server.EventingIT.SERVICES;
import static dev.kumo.server.EventingIT.WORKLOADS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Channels and flows whose destinations are Knative Services at zero: the delivery wakes them as any request does — a
 * Subscription's subscriber and its reply, and a Sequence's step.
 */
class ColdFlowsIT {

    private static final String MESSAGING = "/apis/messaging.knative.dev/v1/namespaces/default/";
    private static final String FLOWS = "/apis/flows.knative.dev/v1/namespaces/default/";
    private static final Duration SETTLE = Duration.ofSeconds(90);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data"))
                .withAutoscaler(AutoscalerConfig.parse(Map.of("allow-zero-initial-scale", "true"))));
        api = new TestApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aSubscriptionsSubscriberAndReplyAtZeroAreWokenAndTheReplyArrives() throws Exception {
        atZero("replier", "traced_replier.py");
        atZero("sink", "events.py");
        api.create(MESSAGING + "channels", "{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\","
                + "\"metadata\":{\"name\":\"cold\"}}");
        api.create(MESSAGING + "subscriptions", "{\"apiVersion\":\"messaging.knative.dev/v1\","
                + "\"kind\":\"Subscription\",\"metadata\":{\"name\":\"cold\"},\"spec\":{\"channel\":{"
                + "\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\",\"name\":\"cold\"},"
                + "\"subscriber\":" + ksvc("replier") + ",\"reply\":" + ksvc("sink") + "}}");
        api.awaitCondition(MESSAGING + "subscriptions/cold", "Ready", "True");
        String address = api.awaitCondition(MESSAGING + "channels/cold", "Ready", "True").at("/status/address/url")
                .asText();

        long delivered = server.eventingPlatform().counters().delivered();
        assertThat(EventingIT.post(address, "cold-1", "dev.kumo.cold").statusCode()).isEqualTo(202);

        // Delivered counts once the reply went through too: only then ask the sink (asking would wake it).
        await().atMost(SETTLE).until(() -> server.eventingPlatform().counters().delivered() > delivered);
        assertThat(recorded("sink")).contains("reply-cold-1");
    }

    @Test
    void aSequenceStepAtZeroIsWokenAndItsReplyGoesOn() throws Exception {
        atZero("step", "traced_replier.py");
        try (EventsHub sink = EventsHub.recorder()) {
            api.create(FLOWS + "sequences", "{\"apiVersion\":\"flows.knative.dev/v1\",\"kind\":\"Sequence\","
                    + "\"metadata\":{\"name\":\"cold\"},\"spec\":{\"steps\":[" + ksvc("step") + "],"
                    + "\"reply\":{\"uri\":\"" + sink.uri() + "\"}}}");
            String address = api.awaitCondition(FLOWS + "sequences/cold", "Ready", "True")
                    .at("/status/address/url").asText();

            assertThat(EventingIT.post(address, "seq-1", "dev.kumo.cold").statusCode()).isEqualTo(202);

            await().atMost(SETTLE).until(() -> sink.received().stream().anyMatch(e -> "reply-seq-1".equals(e.id())));
        }
    }

    /** A Service running {@code script} that starts with no instance (initial scale 0). */
    private static void atZero(String name, String script) {
        api.create(SERVICES, "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{"
                + "\"name\":\"" + name + "\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
                + "\"autoscaling.knative.dev/initial-scale\":\"0\"}},\"spec\":{\"containers\":[{\"command\":["
                + "\"python3\",\"-u\"],\"args\":[\"" + script + "\"],\"workingDir\":\"" + WORKLOADS + "\"}]}}}}");
        api.awaitCondition(SERVICES + "/" + name, "Ready", "True");
        JsonNode revision = api.get("/apis/serving.knative.dev/v1/namespaces/default/revisions/" + name + "-00001");
        assertThat(revision.at("/status/actualReplicas").asInt()).as(name + " starts at zero").isZero();
    }

    private static String ksvc(String name) {
        return "{\"ref\":{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"" + name + "\"}}";
    }

    /** The ids {@code events.py} of Service {@code name} recorded, through the router. */
    private static String recorded(String name) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + "/events"))
                .header("Host", name + ".default.localhost").build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}

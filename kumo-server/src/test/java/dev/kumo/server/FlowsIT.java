package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ports of Knative's rekt Sequence and Parallel scenarios and of the channel delivery rules, end to end in a real
 * server over real sockets, with in-process events-hub receivers.
 */
class FlowsIT {

    static final String MESSAGING = "/apis/messaging.knative.dev/v1/namespaces/default/";
    static final String FLOWS = "/apis/flows.knative.dev/v1/namespaces/default/";
    static final String SOURCES = "/apis/sources.knative.dev/v1/namespaces/default/";
    private static final Duration SETTLE = Duration.ofSeconds(30);

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        api = new TestApi(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** rekt SequenceTest: three steps replying with appended data, a PingSource in front, the sink as reply. */
    @Test
    void aSequenceOfThreeStepsFromAPingSourceReachesTheSinkWithEveryStepsData() {
        try (EventsHub step1 = EventsHub.replyingWithAppendedData("-step1");
                EventsHub step2 = EventsHub.replyingWithAppendedData("-step2");
                EventsHub step3 = EventsHub.replyingWithAppendedData("-step3");
                EventsHub sink = EventsHub.recorder()) {
            api.create(FLOWS + "sequences", "{\"apiVersion\":\"flows.knative.dev/v1\",\"kind\":\"Sequence\","
                    + "\"metadata\":{\"name\":\"three\"},\"spec\":{\"steps\":[{\"uri\":\"" + step1.uri() + "\"},"
                    + "{\"uri\":\"" + step2.uri() + "\"},{\"uri\":\"" + step3.uri() + "\"}],"
                    + "\"reply\":{\"uri\":\"" + sink.uri() + "\"}}}");
            JsonNode sequence = api.awaitCondition(FLOWS + "sequences/three", "Ready", "True");
            assertThat(sequence.at("/status/address/url").asText()).isEqualTo("http://127.0.0.1:"
                    + server.eventingPort() + "/channels/default/three-kn-sequence-0");
            assertThat(TestApi.condition(sequence, "Addressable").path("status").asText()).isEqualTo("True");
            assertThat(sequence.at("/status/subscriptionStatuses")).hasSize(3);
            assertThat(sequence.at("/status/channelStatuses/2/channel/name").asText())
                    .isEqualTo("three-kn-sequence-2");

            api.create(SOURCES + "pingsources", "{\"apiVersion\":\"sources.knative.dev/v1\",\"kind\":\"PingSource\","
                    + "\"metadata\":{\"name\":\"into-three\"},\"spec\":{\"schedule\":\"*/1 * * * * *\","
                    + "\"contentType\":\"text/plain\",\"data\":\"hello\",\"sink\":{\"ref\":{\"apiVersion\":"
                    + "\"flows.knative.dev/v1\",\"kind\":\"Sequence\",\"name\":\"three\"}}}}");

            await().atMost(SETTLE).untilAsserted(() -> assertThat(sink.received()).anySatisfy(event -> {
                assertThat(event.type()).isEqualTo("dev.knative.sources.ping");
                assertThat(event.contentType()).isEqualTo("text/plain");
                assertThat(event.data()).isEqualTo("hello-step1-step2-step3");
            }));
            api.send("DELETE", SOURCES + "pingsources/into-three", null, null);
        }
    }

    /** rekt ParallelWithTwoBranches: filter 1 passes (replies), filter 2 drops (no reply); only branch 1 reaches the sink. */
    @Test
    void aParallelDeliversOnlyThroughTheBranchWhoseFilterReplies() throws Exception {
        try (EventsHub filter1 = EventsHub.replyingWithAppendedData("");
                EventsHub filter2 = EventsHub.recorder();
                EventsHub subscriber1 = EventsHub.replyingWithAppendedData("-branch1");
                EventsHub subscriber2 = EventsHub.replyingWithAppendedData("-branch2");
                EventsHub sink = EventsHub.recorder()) {
            api.create(FLOWS + "parallels", "{\"apiVersion\":\"flows.knative.dev/v1\",\"kind\":\"Parallel\","
                    + "\"metadata\":{\"name\":\"two\"},\"spec\":{\"branches\":["
                    + "{\"filter\":{\"uri\":\"" + filter1.uri() + "\"},\"subscriber\":{\"uri\":\"" + subscriber1.uri()
                    + "\"}},{\"filter\":{\"uri\":\"" + filter2.uri() + "\"},\"subscriber\":{\"uri\":\""
                    + subscriber2.uri() + "\"}}],\"reply\":{\"uri\":\"" + sink.uri() + "\"}}}");
            JsonNode parallel = api.awaitCondition(FLOWS + "parallels/two", "Ready", "True");
            String address = parallel.at("/status/address/url").asText();
            assertThat(address).endsWith("/channels/default/two-kn-parallel");
            assertThat(parallel.at("/status/branchStatuses/1/filterSubscriptionStatus/subscription/name").asText())
                    .isEqualTo("two-kn-parallel-filter-1");

            assertThat(post(address, "p-1", "text/plain", "data").statusCode()).isEqualTo(202);

            await().atMost(SETTLE).until(() -> !sink.received().isEmpty() && filter2.received().size() == 1);
            assertThat(sink.received()).singleElement().satisfies(event -> {
                assertThat(event.id()).isEqualTo("p-1");
                assertThat(event.data()).isEqualTo("data-branch1");
            });
            assertThat(subscriber2.received()).isEmpty();
        }
    }

    /**
     * rekt channel delivery: a Subscription without delivery of its own uses the channel's; its subscriber gets
     * 1 + retry attempts, then the channel's dead-letter sink gets the original with Knative's error extensions.
     */
    @Test
    void aSubscriptionWithoutDeliveryDeadLettersToTheChannelsSinkAfterOnePlusRetryAttempts() throws Exception {
        try (EventsHub broken = EventsHub.failing(Integer.MAX_VALUE); EventsHub sink = EventsHub.recorder()) {
            api.create(MESSAGING + "channels", "{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\","
                    + "\"metadata\":{\"name\":\"with-sink\"},\"spec\":{\"delivery\":{\"retry\":2,"
                    + "\"backoffPolicy\":\"linear\",\"backoffDelay\":\"PT0.01S\",\"deadLetterSink\":{\"uri\":\""
                    + sink.uri() + "\"}}}}");
            api.create(MESSAGING + "subscriptions", "{\"apiVersion\":\"messaging.knative.dev/v1\","
                    + "\"kind\":\"Subscription\",\"metadata\":{\"name\":\"to-broken\"},\"spec\":{\"channel\":{"
                    + "\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\",\"name\":\"with-sink\"},"
                    + "\"subscriber\":{\"uri\":\"" + broken.uri() + "\"}}}");
            JsonNode subscription = api.awaitCondition(MESSAGING + "subscriptions/to-broken", "Ready", "True");
            assertThat(subscription.at("/status/physicalSubscription/deadLetterSinkUri").asText())
                    .isEqualTo(sink.uri().toString());
            String address = api.awaitCondition(MESSAGING + "channels/with-sink", "Ready", "True")
                    .at("/status/address/url").asText();

            assertThat(post(address, "dead-1", "text/plain", "x").statusCode()).isEqualTo(202);

            await().atMost(SETTLE).until(() -> sink.received().size() == 1);
            assertThat(broken.received()).hasSize(3);
            EventsHub.Event dead = sink.received().get(0);
            assertThat(dead.id()).isEqualTo("dead-1");
            assertThat(dead.headers().get("Ce-knativeerrordest")).containsExactly(broken.uri().toString());
            assertThat(dead.headers().get("Ce-knativeerrorcode")).containsExactly("500");
            assertThat(dead.headers().get("Ce-knativeerrordata")).containsExactly(Base64.getEncoder()
                    .encodeToString(EventsHub.FAILURE_BODY.getBytes(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aDeletedSubscriptionLeavesItsChannelsSubscribers() {
        api.create(MESSAGING + "inmemorychannels", "{\"apiVersion\":\"messaging.knative.dev/v1\","
                + "\"kind\":\"InMemoryChannel\",\"metadata\":{\"name\":\"short-lived\"}}");
        api.create(MESSAGING + "subscriptions", "{\"apiVersion\":\"messaging.knative.dev/v1\","
                + "\"kind\":\"Subscription\",\"metadata\":{\"name\":\"gone\"},\"spec\":{\"channel\":{"
                + "\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"InMemoryChannel\",\"name\":\"short-lived\"},"
                + "\"subscriber\":{\"uri\":\"http://127.0.0.1:9/\"}}}");
        api.awaitCondition(MESSAGING + "subscriptions/gone", "Ready", "True");
        assertThat(api.get(MESSAGING + "inmemorychannels/short-lived").at("/spec/subscribers")).hasSize(1);

        api.send("DELETE", MESSAGING + "subscriptions/gone", null, null);

        await().atMost(SETTLE).until(() -> api.send("GET", MESSAGING + "subscriptions/gone", null, null)
                .statusCode() == 404);
        assertThat(api.get(MESSAGING + "inmemorychannels/short-lived").at("/spec/subscribers").size()).isZero();
    }

    private static HttpResponse<String> post(String address, String id, String contentType, String data)
            throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).header("ce-specversion", "1.0")
                .header("ce-id", id).header("ce-source", "/flows-it").header("ce-type", "dev.kumo.flows")
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(data)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

}

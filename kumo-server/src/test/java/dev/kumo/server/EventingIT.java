package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Eventing end to end inside a real server: Brokers, Triggers and sources over real sockets. */
class EventingIT {

    static final String EVENTING = "/apis/eventing.knative.dev/v1/namespaces/default/";
    static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    static final String SOURCES = "/apis/sources.knative.dev/v1/namespaces/default/";
    static final Path WORKLOADS = Path.of("src", "test", "resources", "workloads").toAbsolutePath();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static TestApi api;
    private static EventRecorder recorder;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        api = new TestApi(server);
        recorder = EventRecorder.start();
    }

    @AfterAll
    static void stop() {
        recorder.close();
        server.close();
    }

    @Test
    void anEventPostedToTheBrokersAddressReachesATriggersSubscriber() throws Exception {
        api.create(EVENTING + "brokers", broker("b1"));
        api.create(EVENTING + "triggers", trigger("t1", "b1", "{\"uri\":\"" + recorder.uri() + "t1\"}",
                "{\"type\":\"dev.kumo.t1\"}"));
        JsonNode broker = api.awaitCondition(EVENTING + "brokers/b1", "Ready", "True");
        String address = broker.at("/status/address/url").asText();
        assertThat(address).isEqualTo("http://127.0.0.1:" + server.eventingPort() + "/default/b1");
        JsonNode trigger = api.awaitCondition(EVENTING + "triggers/t1", "Ready", "True");
        assertThat(trigger.at("/status/subscriberUri").asText()).isEqualTo(recorder.uri() + "t1");

        assertThat(post(address, "ignored-1", "dev.kumo.other").statusCode()).isEqualTo(202);
        assertThat(post(address, "wanted-1", "dev.kumo.t1").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.ids().contains("wanted-1"));
        assertThat(recorder.ids()).doesNotContain("ignored-1");
        String metrics = api.send("GET", "/metrics", null, null).body();
        assertThat(metrics).containsPattern("kumo_eventing_events_accepted_total [1-9]")
                .containsPattern("kumo_eventing_events_delivered_total [1-9]")
                .contains("kumo_eventing_events_retries_total", "kumo_eventing_events_dead_lettered_total",
                        "kumo_eventing_events_dropped_total");
    }

    /** Issue #10's reproduction: a ce-data header beside a body no longer strands the broker's later events. */
    @Test
    void theIssuesCurlIsRefusedAndTheBrokerKeepsDeliveringAndMetricsCountDispatchFailures() throws Exception {
        api.create(EVENTING + "brokers", broker("stranded"));
        api.create(EVENTING + "triggers", trigger("after-stranded", "stranded",
                "{\"uri\":\"" + recorder.uri() + "stranded\"}", null));
        String address = api.awaitCondition(EVENTING + "brokers/stranded", "Ready", "True").at("/status/address/url")
                .asText();
        api.awaitCondition(EVENTING + "triggers/after-stranded", "Ready", "True");

        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(address))
                .header("ce-specversion", "1.0").header("ce-id", "p").header("ce-source", "/x").header("ce-type", "t")
                .header("ce-data", "x").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("ce-data");
        assertThat(post(address, "after-stranded-1", "dev.kumo.any").statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(30)).until(() -> recorder.ids().contains("after-stranded-1"));
        assertThat(TestApi.condition(api.awaitCondition(EVENTING + "triggers/after-stranded", "Ready", "True"),
                "Ready").path("status").asText()).isEqualTo("True");
        assertThat(api.send("GET", "/metrics", null, null).body())
                .contains("kumo_eventing_events_dispatch_failures_total", "kumo_eventing_triggers_stuck 0.0",
                        "kumo_eventing_events_literal_percent_total");
    }

    @Test
    void aTriggerWhoseSubscriberIsAKnativeServiceDeliversThroughTheRouter() throws Exception {
        api.create(SERVICES, service("display"));
        api.create(EVENTING + "brokers", broker("b2"));
        api.create(EVENTING + "triggers", trigger("t2", "b2", "{\"ref\":{\"apiVersion\":\"serving.knative.dev/v1\","
                + "\"kind\":\"Service\",\"name\":\"display\"},\"uri\":\"/from-broker\"}", null));
        String address = api.awaitCondition(EVENTING + "brokers/b2", "Ready", "True").at("/status/address/url")
                .asText();
        JsonNode trigger = api.awaitCondition(EVENTING + "triggers/t2", "Ready", "True");
        // The Service's address, its Route's loopback port on the router: the in-process dispatcher, like any
        // plain client, reaches it without resolving a name.
        String serviceAddress = api.get(SERVICES + "/display").at("/status/address/url").asText();
        assertThat(serviceAddress).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(trigger.at("/status/subscriberUri").asText()).isEqualTo(serviceAddress + "/from-broker");

        assertThat(post(address, "to-ksvc-1", "dev.kumo.ksvc").statusCode()).isEqualTo(202);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            HttpResponse<String> events = routed("display.default.localhost", "/events");
            assertThat(events.statusCode()).isEqualTo(200);
            assertThat(Json.parseObject("{\"events\":" + events.body() + "}").path("events")).anySatisfy(event -> {
                assertThat(event.path("id").asText()).isEqualTo("to-ksvc-1");
                assertThat(event.path("path").asText()).isEqualTo("/from-broker");
            });
        });
    }

    @Test
    void aTriggerOfAMissingBrokerIsNotReadyAndSaysWhy() {
        api.create(EVENTING + "triggers", trigger("orphan", "nobody", "{\"uri\":\"" + recorder.uri() + "\"}",
                null));

        JsonNode trigger = api.awaitCondition(EVENTING + "triggers/orphan", "Ready", "False");

        JsonNode ready = TestApi.condition(trigger, "Ready");
        assertThat(ready.path("reason").asText()).isEqualTo("BrokerDoesNotExist");
        assertThat(ready.path("message").asText()).isEqualTo("Broker \"nobody\" does not exist");
    }

    @Test
    void aPingSourceEverySecondIntoTheBrokerReachesTheSubscriber() {
        api.create(EVENTING + "brokers", broker("pings"));
        api.create(EVENTING + "triggers", trigger("pinged", "pings", "{\"uri\":\"" + recorder.uri() + "ping\"}",
                "{\"type\":\"dev.knative.sources.ping\"}"));
        api.awaitCondition(EVENTING + "triggers/pinged", "Ready", "True");
        api.create(SOURCES + "pingsources", "{\"apiVersion\":\"sources.knative.dev/v1\",\"kind\":\"PingSource\","
                + "\"metadata\":{\"name\":\"every-second\"},\"spec\":{\"schedule\":\"*/1 * * * * *\","
                + "\"contentType\":\"application/json\",\"data\":\"{\\\"hello\\\":\\\"ping\\\"}\","
                + "\"sink\":{\"ref\":{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\","
                + "\"name\":\"pings\"}}}}");

        JsonNode source = api.awaitCondition(SOURCES + "pingsources/every-second", "Ready", "True");

        assertThat(source.at("/status/sinkUri").asText())
                .isEqualTo("http://127.0.0.1:" + server.eventingPort() + "/default/pings");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorder.received())
                .filteredOn(e -> "/apis/v1/namespaces/default/pingsources/every-second".equals(e.source()))
                .hasSizeGreaterThanOrEqualTo(2)
                .allSatisfy(e -> assertThat(e.body()).isEqualTo("{\"hello\":\"ping\"}")));
    }

    @Test
    void anApiServerSourceSeesAConfigMapBeingCreated() {
        api.create(SOURCES + "apiserversources", "{\"apiVersion\":\"sources.knative.dev/v1\","
                + "\"kind\":\"ApiServerSource\",\"metadata\":{\"name\":\"configmaps\"},\"spec\":{"
                + "\"mode\":\"Resource\",\"resources\":[{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"selector\":{\"matchLabels\":{\"watched\":\"yes\"}}}],"
                + "\"sink\":{\"uri\":\"" + recorder.uri() + "apiserver\"}}}");
        api.awaitCondition(SOURCES + "apiserversources/configmaps", "Ready", "True");

        api.create("/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"seen\",\"labels\":{\"watched\":\"yes\"}},\"data\":{\"k\":\"v\"}}");
        api.create("/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                + "\"metadata\":{\"name\":\"unseen\"},\"data\":{\"k\":\"v\"}}");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorder.received())
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("dev.knative.apiserver.resource.add");
                    assertThat(e.headers().get("Ce-subject")).containsExactly(
                            "/api/v1/namespaces/default/configmaps/seen");
                    assertThat(Json.parseObject(e.body()).at("/data/k").asText()).isEqualTo("v");
                }));
        assertThat(recorder.received()).noneSatisfy(e -> assertThat(e.headers().get("Ce-subject"))
                .containsExactly("/api/v1/namespaces/default/configmaps/unseen"));
    }

    @Test
    void aSinkBindingPutsKSinkIntoTheServicesRevisionAndTakesItOutWhenDeleted() {
        api.create(SERVICES, service("bound"));
        api.create(SOURCES + "sinkbindings", "{\"apiVersion\":\"sources.knative.dev/v1\",\"kind\":\"SinkBinding\","
                + "\"metadata\":{\"name\":\"bind\"},\"spec\":{\"subject\":{\"apiVersion\":\"serving.knative.dev/v1\","
                + "\"kind\":\"Service\",\"name\":\"bound\"},\"ceOverrides\":{\"extensions\":{\"via\":\"binding\"}},"
                + "\"sink\":{\"uri\":\"" + recorder.uri() + "bound\"}}}");

        JsonNode binding = api.awaitCondition(SOURCES + "sinkbindings/bind", "Ready", "True");

        assertThat(binding.at("/status/sinkUri").asText()).isEqualTo(recorder.uri() + "bound");
        JsonNode service = api.awaitCondition(SERVICES + "/bound", "Ready", "True");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            String revision = api.get(SERVICES + "/bound").at("/status/latestReadyRevisionName").asText();
            JsonNode env = api.get("/apis/serving.knative.dev/v1/namespaces/default/revisions/" + revision)
                    .at("/spec/containers/0/env");
            assertThat(env.findValuesAsText("name")).contains("K_SINK", "K_CE_OVERRIDES");
            assertThat(env.toString()).contains(recorder.uri() + "bound")
                    .contains("{\\\"extensions\\\":{\\\"via\\\":\\\"binding\\\"}}");
        });
        assertThat(service).isNotNull();

        assertThat(api.send("DELETE", SOURCES + "sinkbindings/bind", null, null).statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(api.send("GET", SOURCES + "sinkbindings/bind", null, null).statusCode()).isEqualTo(404);
            assertThat(api.get(SERVICES + "/bound").at("/spec/template/spec/containers/0/env").findValuesAsText("name"))
                    .doesNotContain("K_SINK", "K_CE_OVERRIDES");
        });
    }

    @Test
    void aContainerSourceRunsItsContainerWithKSink() {
        api.create(SOURCES + "containersources", "{\"apiVersion\":\"sources.knative.dev/v1\","
                + "\"kind\":\"ContainerSource\",\"metadata\":{\"name\":\"heartbeat\"},\"spec\":{"
                + "\"ceOverrides\":{\"extensions\":{\"from\":\"container\"}},\"template\":{\"spec\":{"
                + "\"containers\":[{\"command\":[\"python3\",\"-u\",\"heartbeat.py\"],\"workingDir\":\""
                + WORKLOADS + "\"}]}},\"sink\":{\"uri\":\"" + recorder.uri() + "container\"}}}");

        JsonNode source = api.awaitCondition(SOURCES + "containersources/heartbeat", "Ready", "True");

        assertThat(source.at("/status/sinkUri").asText()).isEqualTo(recorder.uri() + "container");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(recorder.received())
                .anySatisfy(e -> {
                    assertThat(e.type()).isEqualTo("dev.kumo.heartbeat");
                    assertThat(e.headers().get("Ce-from")).containsExactly("container");
                }));
    }

    static String broker(String name) {
        return "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\",\"metadata\":{\"name\":\"" + name
                + "\"}}";
    }

    static String trigger(String name, String broker, String subscriber, String filterAttributes) {
        return "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Trigger\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"broker\":\"" + broker + "\","
                + (filterAttributes == null ? "" : "\"filter\":{\"attributes\":" + filterAttributes + "},")
                + "\"subscriber\":" + subscriber + "}}";
    }

    /** A Knative Service running the recording workload {@code events.py}. */
    static String service(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"command\":[\"python3\",\"-u\"],"
                + "\"args\":[\"events.py\"],\"workingDir\":\"" + WORKLOADS + "\"}]}}}}";
    }

    static HttpResponse<String> post(String address, String id, String type) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(address)).header("ce-specversion", "1.0")
                .header("ce-id", id).header("ce-type", type).header("ce-source", "/eventing-it")
                .header("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString("hello " + id))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> routed(String host, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.ingressPort() + path))
                .header("Host", host).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package dev.kumo.server;

import static dev.kumo.server.DashboardPage.read;
import static dev.kumo.server.EventingIT.EVENTING;
import static dev.kumo.server.EventingIT.SERVICES;
import static dev.kumo.server.FlowsIT.FLOWS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.sdk.trace.data.SpanData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The dashboard's Eventing and Traces views in a real browser (headless Chromium): a Broker's flow drawn as a graph —
 * a Trigger to a process Service and one to a subscriber that always fails, dead-lettered — with a non-zero rate
 * and the dead-letter count on its edges once events are posted; then one event's trace opened as a waterfall; a
 * Sequence's steps in order with their Subscriptions' counts, and a Parallel's branches.
 */
class DashboardFlowsIT {

    private static final Duration SETTLE = Duration.ofSeconds(60);
    private static final String FLOW = "[data-flow='broker:default/flows']";
    private static final String TO_SERVICE = FLOW + " [data-edge='trigger:default/orders->ref:default/Service/flows-sub']";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final int EVENTS = 5;
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TempDir
    static Path temp;

    private static KumoServer server;
    private static ApiAccess access;
    private static EventsHub failing;
    private static EventsHub deadLetters;
    private static String brokerAddress;

    @BeforeAll
    static void start() {
        failing = EventsHub.failing(Integer.MAX_VALUE);
        deadLetters = EventsHub.recorder();
        server = KumoServer.start(TestServers.config(temp.resolve("data")));
        access = ApiAccess.of(server);
        TestApi api = new TestApi(access);
        api.create(SERVICES, EventingIT.service("flows-sub"));
        api.create(EVENTING + "brokers", EventingIT.broker("flows"));
        api.create(EVENTING + "triggers", EventingIT.trigger("orders", "flows", "{\"ref\":{\"apiVersion\":"
                + "\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"flows-sub\"}}",
                "{\"type\":\"dev.kumo.order\"}"));
        api.create(EVENTING + "triggers", """
                {"apiVersion":"eventing.knative.dev/v1","kind":"Trigger","metadata":{"name":"doomed"},
                 "spec":{"broker":"flows","subscriber":{"uri":"%s"},
                   "delivery":{"retry":1,"backoffPolicy":"linear","backoffDelay":"PT0.05S",
                     "deadLetterSink":{"uri":"%s"}}}}""".formatted(failing.uri(), deadLetters.uri()));
        api.awaitCondition(SERVICES + "/flows-sub", "Ready", "True");
        brokerAddress = api.awaitCondition(EVENTING + "brokers/flows", "Ready", "True").at("/status/address/url")
                .asText();
        api.awaitCondition(EVENTING + "triggers/orders", "Ready", "True");
        api.awaitCondition(EVENTING + "triggers/doomed", "Ready", "True");
    }

    @AfterAll
    static void stop() {
        server.close();
        failing.close();
        deadLetters.close();
    }

    @Test
    void drawsTheBrokersFlowWithRatesAndDeadLettersAndAnEventsTraceAsAWaterfall() throws Exception {
        try (Browser browser = Browser.start()) {
            ChromeDriver page = DashboardPage.open(browser, temp, access);
            await("the Broker's flow drawn").atMost(SETTLE).until(() -> read(page, FLOW + " [data-node]",
                    "e.dataset.kind + ' ' + e.dataset.name"), nodes -> nodes.containsAll(List.of("Broker flows",
                    "Trigger orders", "Trigger doomed", "Service flows-sub", "URI " + failing.uri(),
                    "URI " + deadLetters.uri())));
            assertThat(read(page, FLOW + " [data-node='trigger:default/orders'] .detail", "e.textContent"))
                    .as("the Trigger's filter").containsExactly("type=dev.kumo.order");

            for (int i = 0; i < EVENTS; i++) {
                post("order-" + i, i == 0 ? "00-" + TRACE_ID + "-00f067aa0ba902b7-01" : null);
            }
            await("a rate on the edge to the Service").atMost(SETTLE).until(() -> read(page, TO_SERVICE,
                    "e.dataset.rate"), rates -> rates.size() == 1 && Double.parseDouble(rates.get(0)) > 0);
            await("every event delivered").atMost(SETTLE).until(() -> read(page, TO_SERVICE, "e.dataset.delivered"),
                    List.of(Integer.toString(EVENTS))::equals);
            String toSink = FLOW + " [data-edge='trigger:default/doomed->uri:" + deadLetters.uri() + "']";
            await("the dead letters counted").atMost(SETTLE).until(() -> read(page, toSink,
                    "e.dataset.deadLettered"), List.of(Integer.toString(EVENTS))::equals);
            assertThat(read(page, toSink + " .warning", "e.textContent")).containsExactly(EVENTS + " dead-lettered");
            assertThat(read(page, FLOW + " [data-edge='trigger:default/doomed->uri:" + failing.uri() + "'] .warning",
                    "e.textContent")).as("a retry per event, then its dead letter")
                    .containsExactly(EVENTS + " retries · " + EVENTS + " dead-lettered");
            assertThat(read(page, TO_SERVICE + " .label", "e.textContent")).singleElement().asString()
                    .endsWith("/s · " + EVENTS + " delivered");
            assertThat(deadLetters.received()).hasSize(EVENTS);
            page.executeScript("document.querySelector(arguments[0]).scrollIntoView()", FLOW);
            browser.screenshot("flows-1-graph");

            // The first event's trace, complete on the server, then opened from the page's list.
            await("the trace kept").atMost(SETTLE).until(() -> server.telemetry().recent().orElseThrow()
                    .trace(TRACE_ID).orElse(List.of()).stream().map(SpanData::getName).toList(),
                    names -> names.containsAll(List.of("broker-ingress", "trigger-filter", "delivery",
                            "dead-letter")));
            await("the trace listed").atMost(SETTLE).until(() -> read(page, "[data-trace='" + TRACE_ID + "']",
                    "e.dataset.root"), List.of("broker-ingress")::equals);
            page.executeScript("document.querySelector(\"#trace-list [data-trace='" + TRACE_ID + "'] button\")"
                    + ".click()");
            String waterfall = ".waterfall[data-trace='" + TRACE_ID + "'] .span";
            await("the waterfall drawn").atMost(Duration.ofSeconds(10)).until(() -> read(page, waterfall,
                    "e.dataset.span"), spans -> spans.containsAll(List.of("broker-ingress", "trigger-filter",
                    "delivery", "dead-letter")));
            List<String> rows = read(page, waterfall, "[e.dataset.span, e.dataset.depth, e.dataset.offset, "
                    + "e.dataset.width, e.querySelector('.took').textContent].join('|')");
            assertThat(rows.get(0)).as("the ingress first, at the start, as wide as the trace")
                    .startsWith("broker-ingress|0|0.0000|");
            assertThat(rows).filteredOn(r -> r.startsWith("trigger-filter|")).allMatch(r -> r.contains("|1|"));
            assertThat(rows).filteredOn(r -> r.startsWith("delivery|")).isNotEmpty()
                    .allMatch(r -> r.split("\\|")[1].equals("2") && Double.parseDouble(r.split("\\|")[2]) > 0
                            && r.matches(".*\\|[0-9.]+ (ms|µs)$"));
            page.executeScript("document.querySelector('.traces').scrollIntoView()");
            assertThat(browser.screenshot("flows-2-waterfall")).isRegularFile();
        }
    }

    @Test
    void drawsASequencesStepsInOrderWithTheirCountsAndAParallelsBranches() throws Exception {
        try (EventsHub step0 = EventsHub.replyingWithAppendedData("-0");
                EventsHub step1 = EventsHub.replyingWithAppendedData("-1");
                EventsHub sink = EventsHub.recorder();
                Browser browser = Browser.start()) {
            TestApi api = new TestApi(access);
            api.create(FLOWS + "sequences", """
                    {"apiVersion":"flows.knative.dev/v1","kind":"Sequence","metadata":{"name":"seq"},
                     "spec":{"steps":[{"uri":"%s"},{"uri":"%s"}],"reply":{"uri":"%s"}}}"""
                    .formatted(step0.uri(), step1.uri(), sink.uri()));
            api.create(FLOWS + "parallels", """
                    {"apiVersion":"flows.knative.dev/v1","kind":"Parallel","metadata":{"name":"par"},
                     "spec":{"branches":[{"subscriber":{"uri":"%s"}},
                                         {"filter":{"uri":"%s"},"subscriber":{"uri":"%s"}}],
                       "reply":{"uri":"%s"}}}""".formatted(step0.uri(), step1.uri(), step0.uri(), sink.uri()));
            String address = api.awaitCondition(FLOWS + "sequences/seq", "Ready", "True").at("/status/address/url")
                    .asText();
            api.awaitCondition(FLOWS + "parallels/par", "Ready", "True");
            ChromeDriver page = DashboardPage.open(browser, temp, access);

            String sequence = "[data-flow='sequence:default/seq'] ";
            String into = sequence + "[data-edge='sequence:default/seq->sequence:default/seq/step:0']";
            await("the Sequence drawn").atMost(SETTLE).until(() -> read(page, sequence + "[data-edge]",
                    "e.dataset.edge"), edges -> edges.equals(List.of(
                    "sequence:default/seq->sequence:default/seq/step:0",
                    "sequence:default/seq/step:0->sequence:default/seq/step:1",
                    "sequence:default/seq/step:1->sequence:default/seq/reply")));
            assertThat(read(page, sequence + "[data-node] .detail", "e.textContent"))
                    .containsExactly("default", "step 0", "step 1", "reply");
            assertThat(read(page, "[data-flow='parallel:default/par'] [data-edge]", "e.dataset.edge"))
                    .containsExactlyInAnyOrder("parallel:default/par->parallel:default/par/branch:0",
                            "parallel:default/par/branch:0->parallel:default/par/reply:0",
                            "parallel:default/par->parallel:default/par/filter:1",
                            "parallel:default/par/filter:1->parallel:default/par/branch:1",
                            "parallel:default/par/branch:1->parallel:default/par/reply:1");

            for (int i = 0; i < 3; i++) {
                postTo(address, "step-" + i);
            }
            await("each step's Subscription counted").atMost(SETTLE).until(() -> read(page, sequence
                    + "[data-edge*='step:'][data-delivered]", "e.dataset.delivered"), List.of("3", "3")::equals);
            assertThat(read(page, into, "e.dataset.rate")).singleElement()
                    .satisfies(rate -> assertThat(Double.parseDouble(rate)).isPositive());
            page.executeScript("document.querySelector(arguments[0]).scrollIntoView()", sequence.trim());
            browser.screenshot("flows-3-sequence-parallel");
        }
    }

    @Test
    void theDeliveryCountsAreBehindTheGate() throws Exception {
        HttpResponse<String> anonymous = access.client().send(HttpRequest.newBuilder(access.uri("/debug/deliveries"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isEqualTo(401);
        HttpResponse<String> counts = new TestApi(access).send("GET", "/debug/deliveries", null, null);
        assertThat(counts.statusCode()).isEqualTo(200);
        assertThat(counts.body()).contains("\"kind\":\"DeliveryCounts\"");
    }

    private static void post(String id, String traceparent) throws Exception {
        postTo(brokerAddress, id, traceparent);
    }

    private static void postTo(String address, String id) throws Exception {
        postTo(address, id, null);
    }

    private static void postTo(String address, String id, String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(address))
                .header("ce-specversion", "1.0").header("ce-id", id).header("ce-type", "dev.kumo.order")
                .header("ce-source", "/dashboard-flows-it").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(id));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        assertThat(http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }
}

package dev.kumo.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import dev.kumo.server.logging.JsonLineLayout;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * After API calls, reconciles, a routed cold start and a delivered event, the whole {@code /metrics} exposition
 * parses with Prometheus' own {@code promtool check metrics} and holds the series of issue #17 with their labels;
 * the JSON log lines of a reconcile and of the routed request carry kind/namespace/name and trace_id.
 */
class ServerMetricsIT {

    private static final String SERVICES = "/apis/serving.knative.dev/v1/namespaces/default/services";
    private static final String EVENTING = "/apis/eventing.knative.dev/v1/namespaces/default/";
    private static final Path SAMPLE = Path.of("..", "samples", "hello-python").toAbsolutePath().normalize();
    private static final String RECONCILES = "dev.kumo.controller.engine.ControllerRunner";

    @TempDir
    static Path temp;

    private static final List<String> lines = new CopyOnWriteArrayList<>();
    private static final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        private final JsonLineLayout layout = new JsonLineLayout();

        @Override
        protected void append(ILoggingEvent event) {
            // Laid out on the logging thread, as the console appender does: the MDC is that thread's.
            lines.add(layout.doLayout(event));
        }
    };
    private static final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static KumoServer server;
    private static TestApi api;
    private static Level reconcileLevel;

    @BeforeAll
    static void start() throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender.setContext(context);
        appender.start();
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(appender);
        Logger reconciles = context.getLogger(RECONCILES);
        reconcileLevel = reconciles.getLevel();
        reconciles.setLevel(Level.DEBUG);
        server = KumoServer.start(TestServers.config(temp.resolve("data"))
                .withAutoscaler(AutoscalerConfig.parse(Map.of("allow-zero-initial-scale", "true"))));
        api = new TestApi(server);

        api.create(SERVICES, service("hello"));
        api.awaitCondition(SERVICES + "/hello", "Ready", "True");
        HttpResponse<String> routed = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + server.ingressPort() + "/")).header("Host", "hello.default.localhost").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(routed.statusCode()).as(routed.body()).isEqualTo(200);

        api.create(EVENTING + "brokers", "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Broker\","
                + "\"metadata\":{\"name\":\"b1\"}}");
        api.create(EVENTING + "triggers", "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Trigger\","
                + "\"metadata\":{\"name\":\"t1\"},\"spec\":{\"broker\":\"b1\",\"subscriber\":{\"ref\":{"
                + "\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"hello\"}}}}");
        String broker = api.awaitCondition(EVENTING + "brokers/b1", "Ready", "True").at("/status/address/url")
                .asText();
        api.awaitCondition(EVENTING + "triggers/t1", "Ready", "True");
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(broker))
                .header("ce-specversion", "1.0").header("ce-id", "m-1").header("ce-type", "dev.kumo.metrics")
                .header("ce-source", "/metrics-it").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        // A watch that ends by itself after a second: counted as a long-running request.
        assertThat(api.send("GET", "/api/v1/namespaces/default/configmaps?watch=true&timeoutSeconds=1", null, null)
                .statusCode()).isEqualTo(200);
    }

    @AfterAll
    static void stop() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(RECONCILES).setLevel(reconcileLevel);
        context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theWholeExpositionPassesPromtoolsCheck() throws Exception {
        String metrics = await("the delivery in /metrics").atMost(Duration.ofSeconds(60))
                .until(ServerMetricsIT::scrape, m -> m.contains("event_count_total{"));
        ProcessBuilder check = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true);
        Process promtool;
        try {
            promtool = check.start();
        } catch (IOException e) {
            Assumptions.abort("promtool is not installed (Debian's prometheus package; .ci/run installs it): "
                    + e.getMessage());
            return;
        }
        try (var stdin = promtool.getOutputStream()) {
            stdin.write(metrics.getBytes(StandardCharsets.UTF_8));
        }
        String said = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(promtool.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(promtool.exitValue()).as("promtool check metrics said:\n%s", said).isZero();
    }

    @Test
    void aDeletedTriggersDeliverySeriesLeaveTheScrape() throws Exception {
        api.create(EVENTING + "triggers", "{\"apiVersion\":\"eventing.knative.dev/v1\",\"kind\":\"Trigger\","
                + "\"metadata\":{\"name\":\"doomed\"},\"spec\":{\"broker\":\"b1\",\"subscriber\":{\"ref\":{"
                + "\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"name\":\"hello\"}}}}");
        String broker = api.awaitCondition(EVENTING + "brokers/b1", "Ready", "True").at("/status/address/url")
                .asText();
        api.awaitCondition(EVENTING + "triggers/doomed", "Ready", "True");
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(URI.create(broker))
                .header("ce-specversion", "1.0").header("ce-id", "doomed-1").header("ce-type", "dev.kumo.metrics")
                .header("ce-source", "/metrics-it").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).isEqualTo(202);
        await("the doomed Trigger's deliveries counted").atMost(Duration.ofSeconds(60))
                .until(ServerMetricsIT::scrape, m -> m.contains("trigger=\"doomed\""));

        assertThat(api.send("DELETE", EVENTING + "triggers/doomed", null, null).statusCode()).isEqualTo(200);

        await("the deleted Trigger's series gone").atMost(Duration.ofSeconds(60))
                .until(ServerMetricsIT::scrape, m -> !m.contains("trigger=\"doomed\""));
        assertThat(scrape()).contains("trigger=\"t1\"");
    }

    @Test
    void theSeriesOfTheJvmTheApiServerTheControllersTheRouterAndTheBrokerAreThere() {
        String metrics = await("every series in /metrics").atMost(Duration.ofSeconds(60))
                .until(ServerMetricsIT::scrape, m -> m.contains("event_count_total{")
                        && m.contains("apiserver_longrunning_requests{"));
        assertThat(metrics).contains("jvm_memory_used_bytes{", "jvm_gc_live_data_size_bytes",
                "jvm_threads_live_threads", "jvm_classes_loaded_classes", "process_cpu_usage",
                "process_cpu_seconds_total", "process_files_open_files", "process_uptime_seconds");
        assertThat(metrics).containsPattern("apiserver_request_total\\{code=\"201\",component=\"apiserver\","
                        + "group=\"serving.knative.dev\",resource=\"services\",scope=\"namespace\",subresource=\"\","
                        + "verb=\"POST\",version=\"v1\"} 1")
                .containsPattern("apiserver_request_total\\{code=\"200\",[^}]*resource=\"services\",scope=\"resource\""
                        + "[^}]*verb=\"GET\"")
                .containsPattern("apiserver_request_total\\{code=\"200\",[^}]*resource=\"configmaps\"[^}]*"
                        + "verb=\"WATCH\"")
                .contains("apiserver_request_duration_seconds_bucket{component=\"apiserver\","
                        + "group=\"serving.knative.dev\"")
                .containsPattern("apiserver_longrunning_requests\\{[^}]*resource=\"configmaps\"[^}]*verb=\"WATCH\"");
        assertThat(metrics).containsPattern("workqueue_depth\\{name=\"[a-z-]+\"}")
                .containsPattern("workqueue_adds_total\\{name=\"[a-z-]+\"} [1-9]")
                .contains("workqueue_retries_total{", "workqueue_queue_duration_seconds_bucket{")
                .containsPattern("controller_runtime_reconcile_total\\{controller=\"[a-z-]+\","
                        + "result=\"success\"} [1-9]")
                .contains("controller_runtime_reconcile_time_seconds_bucket{");
        assertThat(metrics).containsPattern("kumo_router_requests_total\\{code_class=\"2xx\",configuration=\"hello\","
                        + "namespace=\"default\",revision=\"hello-00001\",service=\"hello\"} [1-9]")
                .contains("kumo_revision_ready_instances{configuration=\"hello\",namespace=\"default\","
                        + "revision=\"hello-00001\",service=\"hello\"}");
        assertThat(metrics).containsPattern("event_count_total\\{broker=\"b1\",namespace=\"default\","
                        + "response_code=\"202\",response_code_class=\"2xx\",trigger=\"t1\"} [1-9]")
                .contains("event_dispatch_latencies_bucket{broker=\"b1\"");
    }

    @Test
    void aReconcilesLogLineNamesItsObjectAndTheRoutedRequestsCarriesItsTraceId() {
        JsonNode reconcile = await("a reconcile of Service hello logged").atMost(Duration.ofSeconds(30))
                .until(() -> line(RECONCILES, "Service"), l -> !l.isMissingNode());
        assertThat(reconcile.path("namespace").asText()).isEqualTo("default");
        assertThat(reconcile.path("name").asText()).isEqualTo("hello");
        assertThat(reconcile.path("ts").asText()).isNotEmpty();

        JsonNode held = line("dev.kumo.dataplane.router.Activator", null);
        assertThat(held.path("msg").asText()).as(String.join("", lines)).contains("hello-00001");
        assertThat(held.path("revision").asText()).isEqualTo("hello-00001");
        assertThat(held.path("namespace").asText()).isEqualTo("default");
        assertThat(held.path("trace_id").asText()).matches("[0-9a-f]{32}");
    }

    /** The first JSON line of {@code logger} (whose {@code kind} is {@code kind}, when given), or a missing node. */
    private static JsonNode line(String logger, String kind) {
        for (String line : lines) {
            JsonNode node = Json.parseObject(line);
            if (node.path("logger").asText().equals(logger)
                    && (kind == null || node.path("kind").asText().equals(kind))
                    && (kind == null || node.path("name").asText().equals("hello"))) {
                return node;
            }
        }
        return Json.object().path("missing");
    }

    private static String scrape() {
        HttpResponse<String> response = api.send("GET", "/metrics", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    /** The hello sample at zero: its first request is a cold start the activator holds. */
    private static String service(String name) {
        return "{\"apiVersion\":\"serving.knative.dev/v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"" + name
                + "\"},\"spec\":{\"template\":{\"metadata\":{\"annotations\":{"
                + "\"autoscaling.knative.dev/initial-scale\":\"0\"}},\"spec\":{\"containers\":[{"
                + "\"command\":[\"python3\"],\"args\":[\"app.py\"],\"workingDir\":\"" + SAMPLE + "\"}]}}}}";
    }
}

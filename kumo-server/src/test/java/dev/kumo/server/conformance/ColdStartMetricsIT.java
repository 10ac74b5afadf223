package dev.kumo.server.conformance;

import static dev.kumo.server.conformance.Kumo.SERVICES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.serving.autoscaling.AutoscalerConfig;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A request at a Service created at zero is a cold start: /metrics then splits it into workload and platform. */
class ColdStartMetricsIT {

    private static final String TAGS = "{configuration=\"cold\",namespace=\"default\",revision=\"cold-00001\","
            + "service=\"cold\"}";

    @RegisterExtension
    static final Kumo kumo = Kumo.perClass(AutoscalerConfig.parse(Map.of("allow-zero-initial-scale", "true")));

    @Test
    void aColdStartRecordsItsDurationTheWorkloadsStartAndThePlatformsShare() {
        ObjectNode service = Workloads.service("cold");
        Workloads.template(service).putObject("metadata").putObject("annotations")
                .put("autoscaling.knative.dev/initial-scale", "0");
        kumo.create(SERVICES, service);
        kumo.awaitReady("cold");
        assertThat(metrics()).doesNotContain("kumo_workload_start_seconds_count" + TAGS);

        HttpResponse<String> first = kumo.call("cold", "/");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);

        String metrics = await("the split of the cold start in /metrics").atMost(Duration.ofSeconds(10))
                .until(ColdStartMetricsIT::metrics, m -> m.contains("kumo_cold_start_platform_seconds_count" + TAGS));
        assertThat(metrics).contains("kumo_cold_start_seconds_count" + TAGS + " 1",
                "kumo_workload_start_seconds_count" + TAGS + " 1", "kumo_cold_start_platform_seconds_count" + TAGS + " 1");
        double coldStart = sum(metrics, "kumo_cold_start_seconds_sum");
        double workload = sum(metrics, "kumo_workload_start_seconds_sum");
        double platform = sum(metrics, "kumo_cold_start_platform_seconds_sum");
        assertThat(workload).isPositive().isLessThan(coldStart);
        assertThat(platform).isCloseTo(coldStart - workload, org.assertj.core.data.Offset.offset(0.001));
    }

    private static String metrics() {
        HttpResponse<String> response = kumo.api("GET", "/metrics");
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static double sum(String metrics, String name) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(name + TAGS) + " (\\S+)$").matcher(metrics);
        assertThat(matcher.find()).as(name + TAGS + " in " + metrics).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}

package dev.kumo.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.apiserver.RequestMetrics.Request;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ApiServerMetersTest {

    private static final Request LIST = new Request("LIST", "serving.knative.dev", "v1", "services", "", "namespace");
    private static final Request WATCH = new Request("WATCH", "", "v1", "configmaps", "", "namespace");
    private static final String LABELS = "component=\"apiserver\",group=\"serving.knative.dev\",resource=\"services\","
            + "scope=\"namespace\",subresource=\"\",verb=\"LIST\",version=\"v1\"";

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final ApiServerMeters meters = new ApiServerMeters(registry);

    @Test
    void anAnsweredRequestIsCountedByCodeAndTimedInKubeApiserversBuckets() {
        meters.answered(LIST, 200, Duration.ofMillis(30));
        meters.answered(LIST, 200, Duration.ofMillis(70));
        meters.answered(LIST, 403, Duration.ofMillis(1));

        assertThat(registry.scrape()).contains("apiserver_request_total{code=\"200\"," + LABELS + "} 2.0",
                "apiserver_request_total{code=\"403\"," + LABELS + "} 1.0",
                "apiserver_request_duration_seconds_bucket{" + LABELS + ",le=\"0.05\"} 2",
                "apiserver_request_duration_seconds_bucket{" + LABELS + ",le=\"60.0\"} 3",
                "apiserver_request_duration_seconds_count{" + LABELS + "} 3");
    }

    @Test
    void aWatchIsCountedAndOpenUntilItEndsButNotTimed() {
        Runnable first = meters.longRunning(WATCH);
        Runnable second = meters.longRunning(WATCH);
        String watchLabels = "component=\"apiserver\",group=\"\",resource=\"configmaps\",scope=\"namespace\","
                + "subresource=\"\",verb=\"WATCH\",version=\"v1\"";
        assertThat(registry.scrape()).contains("apiserver_longrunning_requests{" + watchLabels + "} 2.0",
                "apiserver_request_total{code=\"200\"," + watchLabels + "} 2.0")
                .doesNotContain("apiserver_request_duration_seconds_count{" + watchLabels);

        first.run();
        second.run();
        assertThat(registry.scrape()).contains("apiserver_longrunning_requests{" + watchLabels + "} 0.0");
    }
}

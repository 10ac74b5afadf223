package dev.kumo.apiserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.store.StoreOptions;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code GET /metrics} answers the configured scrape in the Prometheus text format, behind the token. */
class MetricsIT {

    private static final String SCRAPE = "# TYPE kumo_test_total counter\nkumo_test_total 1.0\n";

    @Test
    void metricsAreServedAsPrometheusTextBehindTheToken() throws Exception {
        try (ApiFixture api = new ApiFixture(Optional.of("s3cret"), StoreOptions.DEFAULTS,
                Optional.of(() -> SCRAPE))) {
            ApiFixture.Response answer = api.get("/metrics");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.text()).isEqualTo(SCRAPE);
            assertThat(answer.raw().headers().firstValue("content-type"))
                    .contains("text/plain; version=0.0.4; charset=utf-8");
            assertThat(api.send("POST", "/metrics", "application/json", "{}").status()).isEqualTo(405);
            assertThat(api.get("/").json().path("paths").toString()).contains("/metrics");

            HttpResponse<String> anonymous = api.client.send(HttpRequest.newBuilder(
                    URI.create(api.base() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(anonymous.statusCode()).isEqualTo(401);
        }
    }

    @Test
    void withoutAScrapeThereIsNoMetricsPath() {
        try (ApiFixture api = new ApiFixture()) {
            assertThat(api.get("/metrics").status()).isEqualTo(404);
        }
    }
}

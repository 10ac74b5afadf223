package dev.kumo.server.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.TriggerRef;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryMetersTest {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeliveryMeters meters = new DeliveryMeters(registry);

    @Test
    void eachAttemptIsCountedAndTimedInMillisecondsByTriggerAndResponseCode() {
        BrokerRef broker = new BrokerRef("default", "b1");
        TriggerRef trigger = new TriggerRef("default", "t1");
        meters.attempted(broker, trigger, 503, Duration.ofMillis(3));
        meters.attempted(broker, trigger, 202, Duration.ofMillis(40));

        String labels = "broker=\"b1\",namespace=\"default\",response_code=\"%s\",response_code_class=\"%s\","
                + "trigger=\"t1\"";
        String accepted = labels.formatted("202", "2xx");
        assertThat(registry.scrape()).contains("event_count_total{" + accepted + "} 1.0",
                "event_count_total{" + labels.formatted("503", "5xx") + "} 1.0",
                "event_dispatch_latencies_bucket{" + accepted + ",le=\"20.0\"} 0",
                "event_dispatch_latencies_bucket{" + accepted + ",le=\"50.0\"} 1",
                "event_dispatch_latencies_sum{" + accepted + "} 40.0");
    }
}

package dev.kumo.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeletedObjectMetersTest {

    private final ResourceStore store = InMemoryStore.create();
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DeletedObjectMeters meters = DeletedObjectMeters.refusingIn(registry).watching(store);

    @AfterEach
    void close() {
        meters.close();
        store.close();
        registry.close();
    }

    @Test
    void aDeletedRevisionsUsageSeriesLeaveTheScrapeAndStayOutUntilItIsCreatedAgain() {
        store.create(ResourceTypes.REVISION, object("serving.knative.dev/v1", "Revision", "hello-00001"));
        count("kumo.usage.requests", "revision", "hello-00001");
        count("kumo.usage.requests", "revision", "hello-00002");
        assertThat(registry.scrape()).contains("revision=\"hello-00001\"");

        store.delete(ResourceTypes.REVISION, "default", "hello-00001", DeleteOptions.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> !registry.scrape().contains("hello-00001"));
        count("kumo.usage.requests", "revision", "hello-00001");
        assertThat(registry.scrape()).as("a late count does not bring it back").doesNotContain("hello-00001")
                .contains("revision=\"hello-00002\"");

        store.create(ResourceTypes.REVISION, object("serving.knative.dev/v1", "Revision", "hello-00001"));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            count("kumo.usage.cold.starts", "revision", "hello-00001");
            assertThat(registry.scrape()).contains("kumo_usage_cold_starts_total{namespace=\"default\","
                    + "revision=\"hello-00001\"");
        });
    }

    @Test
    void aDeletedTriggersDeliverySeriesLeaveTheScrape() {
        store.create(ResourceTypes.TRIGGER, object("eventing.knative.dev/v1", "Trigger", "orders"));
        count("event.count", "trigger", "orders");
        count("event.count", "trigger", "audit");

        store.delete(ResourceTypes.TRIGGER, "default", "orders", DeleteOptions.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> !registry.scrape().contains("trigger=\"orders\""));
        assertThat(registry.scrape()).contains("trigger=\"audit\"");
    }

    @Test
    void aDeletedSubscriptionsSeriesLeaveTheScrapeAndATriggerOfItsNameKeepsItsOwn() {
        store.create(ResourceTypes.TRIGGER, object("eventing.knative.dev/v1", "Trigger", "display"));
        String uid = store.create(ResourceTypes.SUBSCRIPTION, subscription("display", "ch")).path("metadata")
                .path("uid").asText();
        String subscriber = "subscription:ch:" + uid;
        count("event.count", "trigger", subscriber);
        count("event.count", "trigger", "display");

        store.delete(ResourceTypes.SUBSCRIPTION, "default", "display", DeleteOptions.DEFAULT);

        await().atMost(Duration.ofSeconds(10)).until(() -> !registry.scrape().contains(subscriber));
        count("event.count", "trigger", subscriber);
        assertThat(registry.scrape()).as("a late count does not bring it back").doesNotContain(subscriber)
                .contains("trigger=\"display\"");
        registry.remove(registry.get("event.count").tag("trigger", "display").counter());
        count("event.count", "trigger", "display");
        assertThat(registry.scrape()).as("the Trigger's series can still be registered")
                .contains("event_count_total{namespace=\"default\",trigger=\"display\"} 1.0");
    }

    private void count(String name, String tag, String value) {
        Counter.builder(name).tags("namespace", "default", tag, value).register(registry).increment();
    }

    private static ObjectNode subscription(String name, String channel) {
        return Json.parseObject("{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Subscription\","
                + "\"metadata\":{\"name\":\"" + name + "\",\"namespace\":\"default\"},\"spec\":{\"channel\":"
                + "{\"apiVersion\":\"messaging.knative.dev/v1\",\"kind\":\"Channel\",\"name\":\"" + channel + "\"},"
                + "\"subscriber\":{\"uri\":\"http://127.0.0.1:9/\"}}}");
    }

    private static ObjectNode object(String apiVersion, String kind, String name) {
        return Json.parseObject("{\"apiVersion\":\"" + apiVersion + "\",\"kind\":\"" + kind + "\",\"metadata\":"
                + "{\"name\":\"" + name + "\",\"namespace\":\"default\"},\"spec\":{\"broker\":\"default\"}}");
    }
}

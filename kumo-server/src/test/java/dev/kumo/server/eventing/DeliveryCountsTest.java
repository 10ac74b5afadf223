package dev.kumo.server.eventing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.TriggerRef;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DeliveryCountsTest {

    private static final URI SUBSCRIBER = URI.create("http://127.0.0.1:9/");
    private static final URI SINK = URI.create("http://127.0.0.1:8/dead");

    private final DeliveryCounts counts = new DeliveryCounts();

    @Test
    void countsEachTriggersAttemptsAndHowItsDeliveriesEnded() {
        BrokerRef broker = new BrokerRef("default", "b1");
        TriggerRef ok = new TriggerRef("default", "ok");
        TriggerRef failing = new TriggerRef("default", "failing");
        counts.attempted(broker, ok, 202, Duration.ofMillis(2));
        counts.delivered(ok, SUBSCRIBER);
        for (int attempt = 0; attempt < 3; attempt++) {
            counts.attempted(broker, failing, 503, Duration.ofMillis(1));
        }
        counts.deadLettered(failing, SUBSCRIBER, 503, SINK);
        counts.attempted(broker, failing, 500, Duration.ofMillis(1));
        counts.failed(failing, SUBSCRIBER, 500, "no dead-letter sink");
        counts.attempted(broker, failing, 503, Duration.ofMillis(1)); // an event waiting for its retry

        // Retries: two before the dead letter, none before the drop, and the waiting event's failed attempt.
        JsonNode document = counts.counts();
        assertThat(document.path("kind").asText()).isEqualTo("DeliveryCounts");
        assertThat(Json.write(document.path("items"))).isEqualTo("""
                [{"namespace":"default","broker":"b1","trigger":"failing","attempts":5,"delivered":0,\
                "retries":3,"deadLettered":1,"failed":1},\
                {"namespace":"default","broker":"b1","trigger":"ok","attempts":1,"delivered":1,"retries":0,\
                "deadLettered":0,"failed":0}]""");
    }

    @Test
    void namesAChannelsSubscriberByItsChannelAndSubscriptionUid() {
        ChannelRef channel = new ChannelRef("team", "orders");
        TriggerRef subscriber = channel.subscriber("9f2c-uid");
        counts.attempted(channel.stream(), subscriber, 200, Duration.ofMillis(1));
        counts.delivered(subscriber, SUBSCRIBER);

        JsonNode item = counts.counts().path("items").get(0);
        assertThat(item.path("namespace").asText()).isEqualTo("team");
        assertThat(item.path("channel").asText()).isEqualTo("orders");
        assertThat(item.path("subscriptionUid").asText()).isEqualTo("9f2c-uid");
        assertThat(item.has("trigger")).isFalse();
        assertThat(item.path("delivered").asLong()).isEqualTo(1);
    }

    @Test
    void aDeletedTriggersAndSubscriptionsCountsAreDropped() {
        BrokerRef broker = new BrokerRef("default", "b1");
        ChannelRef channel = new ChannelRef("default", "orders");
        TriggerRef display = new TriggerRef("default", "display");
        TriggerRef subscriber = channel.subscriber("9f2c-uid");
        counts.attempted(broker, display, 202, Duration.ofMillis(1));
        counts.attempted(channel.stream(), subscriber, 202, Duration.ofMillis(1));
        counts.attempted(broker, new TriggerRef("default", "audit"), 202, Duration.ofMillis(1));

        counts.deleted(ResourceTypes.TRIGGER, Json.parseObject(
                "{\"metadata\":{\"namespace\":\"default\",\"name\":\"display\",\"uid\":\"1a-uid\"}}"));
        counts.deleted(ResourceTypes.SUBSCRIPTION, Json.parseObject(
                "{\"metadata\":{\"namespace\":\"default\",\"name\":\"display\",\"uid\":\"9f2c-uid\"}}"));

        assertThat(counts.counts().path("items").findValuesAsText("trigger")).containsExactly("audit");
        assertThat(counts.counts().path("items")).hasSize(1);
    }

    @Test
    void isEmptyBeforeAnyDelivery() {
        assertThat(counts.counts().path("items").isEmpty()).isTrue();
    }
}

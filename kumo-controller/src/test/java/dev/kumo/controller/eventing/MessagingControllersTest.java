package dev.kumo.controller.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kumo.api.codec.Json;
import dev.kumo.api.eventing.DeliveryOrder;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.api.registry.BuiltInKinds;
import dev.kumo.controller.apiserversource.SourceAccess;
import dev.kumo.controller.channel.SubscriberRoute;
import dev.kumo.controller.engine.EngineOptions;
import dev.kumo.controller.testing.RecordingBrokerDataPlane;
import dev.kumo.controller.testing.RecordingChannelDataPlane;
import dev.kumo.controller.testing.RecordingSourceRunner;
import dev.kumo.controller.testing.RecordingTriggerDataPlane;
import dev.kumo.store.AdmittingStore;
import dev.kumo.store.DeleteOptions;
import dev.kumo.store.InMemoryStore;
import dev.kumo.store.ResourceStore;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Channels, Subscriptions, Sequences and Parallels in process: the controllers over the real in-memory store (with
 * admission) and a channel data plane that keeps what it serves.
 */
class MessagingControllersTest {

    private final ResourceStore raw = InMemoryStore.create();
    private final ResourceStore store = new AdmittingStore(raw, BuiltInKinds.all());
    private final RecordingChannelDataPlane channels = new RecordingChannelDataPlane();
    private EventingControllers controllers;

    @BeforeEach
    void start() {
        controllers = EventingControllers.start(store, InstantSource.system(), EngineOptions.DEFAULTS,
                new EventingDataPlane(new RecordingBrokerDataPlane(), new RecordingTriggerDataPlane(),
                        new RecordingSourceRunner<>(), new RecordingSourceRunner<>(), new RecordingSourceRunner<>(),
                        channels), new SourceAccess(false, List.of(ResourceTypes.CONFIGMAP)));
    }

    @AfterEach
    void stop() {
        controllers.close();
        raw.close();
    }

    @Test
    void aSequenceIsServedAsChannelsWhoseSubscribersReplyOnToTheNextOne() {
        create(ResourceTypes.SEQUENCE, """
                {"apiVersion": "flows.knative.dev/v1", "kind": "Sequence", "metadata": {"name": "seq",
                 "namespace": "default"}, "spec": {"steps": [{"uri": "http://a.example/"},
                 {"uri": "http://b.example/", "delivery": {"retry": 2}}], "reply": {"uri": "http://end.example/"}}}""");
        settle();

        JsonNode sequence = get(ResourceTypes.SEQUENCE, "seq");
        assertThat(ready(sequence)).isEqualTo("True");
        assertThat(sequence.at("/status/address/url").asText())
                .isEqualTo(RecordingChannelDataPlane.address("default", "seq-kn-sequence-0").toString());
        SubscriberRoute first = channels.served("default", "seq-kn-sequence-0").orElseThrow().getFirst();
        assertThat(first.subscriber()).contains(URI.create("http://a.example/"));
        assertThat(first.reply()).contains(RecordingChannelDataPlane.address("default", "seq-kn-sequence-1"));
        SubscriberRoute last = channels.served("default", "seq-kn-sequence-1").orElseThrow().getFirst();
        assertThat(last.reply()).contains(URI.create("http://end.example/"));
        assertThat(last.delivery().spec().orElseThrow().retry()).isEqualTo(2);
        assertThat(ready(get(ResourceTypes.SUBSCRIPTION, "seq-kn-sequence-1"))).isEqualTo("True");
    }

    @Test
    void aChannelIsBackedByAnInMemoryChannelAndASubscriptionWithoutDeliveryGetsTheChannelsSink() {
        create(ResourceTypes.CHANNEL, """
                {"apiVersion": "messaging.knative.dev/v1", "kind": "Channel", "metadata": {"name": "events",
                 "namespace": "default"}, "spec": {"delivery": {"retry": 1,
                 "deadLetterSink": {"uri": "http://dead.example/"}}}}""");
        create(ResourceTypes.SUBSCRIPTION, """
                {"apiVersion": "messaging.knative.dev/v1", "kind": "Subscription", "metadata": {"name": "s",
                 "namespace": "default"}, "spec": {"channel": {"apiVersion": "messaging.knative.dev/v1",
                 "kind": "Channel", "name": "events"}, "subscriber": {"uri": "http://display.example/"}}}""");
        settle();

        assertThat(ready(get(ResourceTypes.CHANNEL, "events"))).isEqualTo("True");
        JsonNode backing = get(ResourceTypes.IN_MEMORY_CHANNEL, "events");
        assertThat(backing.at("/metadata/ownerReferences/0/kind").asText()).isEqualTo("Channel");
        SubscriberRoute route = channels.served("default", "events").orElseThrow().getFirst();
        assertThat(route.delivery().deadLetterSink()).contains(URI.create("http://dead.example/"));
        assertThat(route.delivery().spec().orElseThrow().retry()).isEqualTo(1);
        JsonNode subscription = get(ResourceTypes.SUBSCRIPTION, "s");
        assertThat(ready(subscription)).isEqualTo("True");
        assertThat(subscription.at("/status/physicalSubscription/deadLetterSinkUri").asText())
                .isEqualTo("http://dead.example/");

        store.delete(ResourceTypes.SUBSCRIPTION, "default", "s", DeleteOptions.DEFAULT);
        settle();

        assertThat(raw.get(ResourceTypes.SUBSCRIPTION, "default", "s")).isEmpty();
        assertThat(channels.served("default", "events")).contains(List.of());
    }

    @Test
    void eachSubscriptionIsServedInTheDeliveryOrderItsAnnotationAsksFor() {
        create(ResourceTypes.IN_MEMORY_CHANNEL, """
                {"apiVersion": "messaging.knative.dev/v1", "kind": "InMemoryChannel", "metadata": {"name": "keyed",
                 "namespace": "default"}}""");
        create(ResourceTypes.SUBSCRIPTION, """
                {"apiVersion": "messaging.knative.dev/v1", "kind": "Subscription", "metadata": {"name": "in-order",
                 "namespace": "default", "annotations": {"kafka.eventing.knative.dev/delivery.order": "ordered"}},
                 "spec": {"channel": {"apiVersion": "messaging.knative.dev/v1", "kind": "InMemoryChannel",
                 "name": "keyed"}, "subscriber": {"uri": "http://a.example/"}}}""");
        create(ResourceTypes.SUBSCRIPTION, """
                {"apiVersion": "messaging.knative.dev/v1", "kind": "Subscription", "metadata": {"name": "any-order",
                 "namespace": "default"}, "spec": {"channel": {"apiVersion": "messaging.knative.dev/v1",
                 "kind": "InMemoryChannel", "name": "keyed"}, "subscriber": {"uri": "http://b.example/"}}}""");
        settle();

        assertThat(channels.served("default", "keyed").orElseThrow())
                .extracting(route -> route.subscriber().orElseThrow().getHost(), SubscriberRoute::order)
                .containsExactlyInAnyOrder(tuple("a.example", DeliveryOrder.ORDERED),
                        tuple("b.example", DeliveryOrder.UNORDERED));
    }

    @Test
    void aSubscriptionToAMissingChannelSaysSo() {
        create(ResourceTypes.SUBSCRIPTION, """
                {"apiVersion": "messaging.knative.dev/v1", "kind": "Subscription", "metadata": {"name": "lost",
                 "namespace": "default"}, "spec": {"channel": {"apiVersion": "messaging.knative.dev/v1",
                 "kind": "InMemoryChannel", "name": "nowhere"}, "subscriber": {"uri": "http://x.example/"}}}""");
        settle();

        JsonNode subscription = get(ResourceTypes.SUBSCRIPTION, "lost");
        assertThat(ready(subscription)).isEqualTo("False");
        assertThat(subscription.at("/status/conditions").toString()).contains("ChannelNotFound");
    }

    private void create(ResourceType type, String json) {
        store.create(type, Json.parseObject(json));
    }

    private JsonNode get(ResourceType type, String name) {
        return raw.get(type, "default", name).orElseThrow();
    }

    private void settle() {
        assertThat(controllers.awaitIdle(Duration.ofSeconds(10))).isTrue();
    }

    private static String ready(JsonNode object) {
        for (JsonNode condition : object.at("/status/conditions")) {
            if (condition.path("type").asText().equals("Ready")) {
                return condition.path("status").asText();
            }
        }
        return "none";
    }
}

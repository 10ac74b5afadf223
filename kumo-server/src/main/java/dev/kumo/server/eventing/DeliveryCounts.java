package dev.kumo.server.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.ResourceType;
import dev.kumo.apiserver.DeliveryCountsView;
import dev.kumo.eventing.api.BrokerRef;
import dev.kumo.eventing.api.ChannelRef;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.TriggerRef;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the dashboard's flow graph labels its edges with, per Trigger and per channel Subscription since the server
 * started: attempts (as {@code event_count} counts them), deliveries accepted, retries (attempts beyond one per
 * ended delivery: an event waiting for its next attempt counts its failed ones), dead-lettered and dropped. Served
 * at {@code /debug/deliveries} as {@code {"kind":"DeliveryCounts","items":[{namespace, broker, trigger | channel,
 * subscriptionUid, attempts, delivered, retries, deadLettered, failed}]}}; the page turns two reads into rates. Told
 * on the event loop: each notice is a map look-up and an add. One item per Trigger or Subscription delivered to; a
 * deleted one's goes with it ({@link #deleted}, told by the watch that removes its {@code event_count} series).
 */
public final class DeliveryCounts implements DeliveryNotices, DeliveryCountsView {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final Map<TriggerRef, Tally> tallies = new ConcurrentHashMap<>();

    private static final String SUBSCRIPTION_PREFIX = "subscription:";

    /** One Trigger's or Subscription's counts; its broker as the last attempt named it. */
    private static final class Tally {
        private volatile String broker = "";
        private final LongAdder attempts = new LongAdder();
        private final LongAdder delivered = new LongAdder();
        private final LongAdder deadLettered = new LongAdder();
        private final LongAdder failed = new LongAdder();
    }

    private Tally tally(TriggerRef trigger) {
        return tallies.computeIfAbsent(trigger, t -> new Tally());
    }

    @Override
    public void attempted(BrokerRef broker, TriggerRef trigger, int status, Duration took) {
        Tally tally = tally(trigger);
        tally.broker = broker.name();
        tally.attempts.increment();
    }

    @Override
    public void delivered(TriggerRef trigger, URI subscriber) {
        tally(trigger).delivered.increment();
    }

    @Override
    public void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink) {
        tally(trigger).deadLettered.increment();
    }

    @Override
    public void failed(TriggerRef trigger, URI subscriber, int status, String why) {
        tally(trigger).failed.increment();
    }

    /**
     * {@code object}, a Trigger or a Subscription, was deleted: its counts go (a Subscription's by uid, on whichever
     * channel); one of other kinds is ignored. A re-created Trigger of the same name starts from zero.
     */
    public void deleted(ResourceType type, JsonNode object) {
        JsonNode metadata = object.path("metadata");
        String namespace = metadata.path("namespace").asText("");
        if (type.equals(ResourceTypes.TRIGGER)) {
            tallies.remove(new TriggerRef(namespace, metadata.path("name").asText("")));
        } else if (type.equals(ResourceTypes.SUBSCRIPTION)) {
            Optional<String> uid = Optional.of(metadata.path("uid").asText("")).filter(u -> !u.isEmpty());
            tallies.keySet().removeIf(trigger -> trigger.namespace().equals(namespace)
                    && ChannelRef.subscriptionUid(trigger.name()).equals(uid));
        }
    }

    @Override
    public JsonNode counts() {
        ObjectNode document = JSON.objectNode().put("apiVersion", "kumo.dev/v1alpha1").put("kind", "DeliveryCounts");
        ArrayNode items = document.putArray("items");
        tallies.entrySet().stream().sorted(Map.Entry.comparingByKey(Comparator.comparing(TriggerRef::toString)))
                .forEach(entry -> item(items.addObject(), entry.getKey(), entry.getValue()));
        return document;
    }

    private static void item(ObjectNode item, TriggerRef trigger, Tally tally) {
        item.put("namespace", trigger.namespace());
        String name = trigger.name();
        if (name.startsWith(SUBSCRIPTION_PREFIX)) {
            // A channel's subscriber is keyed "subscription:CHANNEL:UID" (ChannelRef.subscriber); ':' is in no name.
            item.put("channel", name.substring(SUBSCRIPTION_PREFIX.length(), name.lastIndexOf(':')))
                    .put("subscriptionUid", name.substring(name.lastIndexOf(':') + 1));
        } else {
            item.put("broker", tally.broker).put("trigger", name);
        }
        long attempts = tally.attempts.sum();
        long delivered = tally.delivered.sum();
        long deadLettered = tally.deadLettered.sum();
        long failed = tally.failed.sum();
        item.put("attempts", attempts).put("delivered", delivered)
                .put("retries", Math.max(0, attempts - delivered - deadLettered - failed))
                .put("deadLettered", deadLettered).put("failed", failed);
    }
}

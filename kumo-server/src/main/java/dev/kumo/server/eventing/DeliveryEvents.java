package dev.kumo.server.eventing;

import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.controller.events.EventRecorder;
import dev.kumo.eventing.api.DeliveryNotices;
import dev.kumo.eventing.api.TriggerRef;
import java.net.URI;

/**
 * The mesh's failed deliveries as Events about their Trigger or channel Subscription: {@code DeadLettered} when an
 * event went to the dead-letter sink after its retries, {@code DeliveryFailed} when it was dropped. The messages name
 * the subscriber and its last status, not the event, so that a failing subscriber is one Event whose count grows.
 * A Subscription is known to the mesh by uid: the first failure of each is recorded once its name is looked up, off
 * the event loop.
 */
final class DeliveryEvents implements DeliveryNotices {

    /** Channel subscribers' positions are keyed {@code subscription:CHANNEL:UID}, not by a Trigger. */
    private static final String CHANNEL_SUBSCRIBER = "subscription:";

    private final EventRecorder events;
    private final SubscriptionsByUid subscriptions;

    DeliveryEvents(EventRecorder events, SubscriptionsByUid subscriptions) {
        this.events = events;
        this.subscriptions = subscriptions;
    }

    @Override
    public void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink) {
        record(trigger, "DeadLettered", "Delivery to " + subscriber + " failed after retries (last status " + status
                + "); the event was sent to the dead-letter sink " + sink);
    }

    @Override
    public void failed(TriggerRef trigger, URI subscriber, int status, String why) {
        record(trigger, "DeliveryFailed", "Delivery to " + subscriber + " failed after retries (last status "
                + status + ") and the event was dropped: " + why);
    }

    private void record(TriggerRef trigger, String reason, String message) {
        if (!trigger.name().startsWith(CHANNEL_SUBSCRIBER)) {
            events.warning(EventRecorder.about(ResourceTypes.TRIGGER, trigger.namespace(), trigger.name()), reason,
                    message);
            return;
        }
        String uid = trigger.name().substring(trigger.name().lastIndexOf(':') + 1);
        subscriptions.known(uid).ifPresentOrElse(about -> events.warning(about, reason, message),
                () -> Thread.ofVirtual().name("subscription-event").start(() -> subscriptions
                        .find(trigger.namespace(), uid).ifPresent(about -> events.warning(about, reason, message))));
    }
}

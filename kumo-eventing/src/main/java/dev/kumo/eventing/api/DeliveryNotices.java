package dev.kumo.eventing.api;

import java.net.URI;

/**
 * Told how an event's delivery ended when it did not reach its subscriber: at the dead-letter sink, or given up
 * (no sink, or the sink failed too). Called on the event loop: must return at once and never block.
 */
public interface DeliveryNotices {

    /** Tells nothing. */
    DeliveryNotices NONE = new DeliveryNotices() {
        @Override
        public void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink) {
        }

        @Override
        public void failed(TriggerRef trigger, URI subscriber, int status, String why) {
        }
    };

    /** After its retries, the event went to {@code sink}; the subscriber's last answer was {@code status}. */
    void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink);

    /** After its retries, the event was dropped: {@code why} (no dead-letter sink, or it failed too). */
    void failed(TriggerRef trigger, URI subscriber, int status, String why);
}

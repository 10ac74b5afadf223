package dev.kumo.eventing.api;

import java.time.Duration;
import java.net.URI;

/**
 * Told how an event's delivery ended: at its subscriber (for metering), or, when it did not reach it, at the
 * dead-letter sink or given up (no sink, or the sink failed too); and of every attempt to deliver an event to a
 * Trigger's subscriber. Called on the event loop: must return at once and never block.
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

    /** The subscriber at {@code subscriber} accepted the event (a 2xx), maybe after retries. Default: nothing. */
    default void delivered(TriggerRef trigger, URI subscriber) {
    }

    /** After its retries, the event went to {@code sink}; the subscriber's last answer was {@code status}. */
    void deadLettered(TriggerRef trigger, URI subscriber, int status, URI sink);

    /** After its retries, the event was dropped: {@code why} (no dead-letter sink, or it failed too). */
    void failed(TriggerRef trigger, URI subscriber, int status, String why);

    /**
     * One attempt to deliver an event of {@code broker} to {@code trigger}'s subscriber was answered {@code status}
     * (500 for a network error or timeout) after {@code took}.
     */
    default void attempted(BrokerRef broker, TriggerRef trigger, int status, Duration took) {
    }
}

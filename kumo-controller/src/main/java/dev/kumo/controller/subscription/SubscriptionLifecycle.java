package dev.kumo.controller.subscription;

import static dev.kumo.api.messaging.lifecycle.SubscriptionConditions.ADDED_TO_CHANNEL;
import static dev.kumo.api.messaging.lifecycle.SubscriptionConditions.CHANNEL_READY;
import static dev.kumo.api.messaging.lifecycle.SubscriptionConditions.REFERENCES_RESOLVED;
import static dev.kumo.api.messaging.lifecycle.SubscriptionConditions.SET;

import dev.kumo.api.messaging.PhysicalSubscription;
import dev.kumo.api.messaging.SubscriptionStatus;
import dev.kumo.api.meta.Condition;
import java.time.InstantSource;
import java.util.List;

/** A Subscription's status being reconciled, changed only through named mutators (subscription_lifecycle). */
final class SubscriptionLifecycle {

    static final String CHANNEL_NOT_FOUND = "ChannelNotFound";
    static final String CHANNEL_NOT_SERVED = "ChannelKindNotServed";
    static final String SUBSCRIBER_RESOLVE_FAILED = "SubscriberResolveFailed";
    static final String REPLY_RESOLVE_FAILED = "ReplyResolveFailed";
    static final String DEAD_LETTER_SINK_RESOLVE_FAILED = "DeadLetterSinkResolveFailed";
    static final String NOT_MARKED_READY = "SubscriptionNotMarkedReadyByChannel";
    static final String MARKED_NOT_READY = "SubscriptionNotReady";

    private final InstantSource clock;
    private List<Condition> conditions;
    private PhysicalSubscription physical;

    SubscriptionLifecycle(SubscriptionStatus current, InstantSource clock) {
        SubscriptionStatus status = current == null ? SubscriptionStatus.EMPTY : current;
        this.clock = clock;
        this.conditions = SET.initialize(status.conditions(), clock);
        this.physical = status.physicalSubscription();
    }

    void markReferencesNotResolved(String reason, String message) {
        conditions = SET.markFalse(conditions, REFERENCES_RESOLVED, reason, message, clock);
    }

    void markReferencesResolved(PhysicalSubscription resolved) {
        physical = resolved;
        conditions = SET.markTrue(conditions, REFERENCES_RESOLVED, clock);
    }

    void markAddedToChannel() {
        conditions = SET.markTrue(conditions, ADDED_TO_CHANNEL, clock);
    }

    void markChannelReady() {
        conditions = SET.markTrue(conditions, CHANNEL_READY, clock);
    }

    void markChannelNotReady(String message) {
        conditions = SET.markFalse(conditions, CHANNEL_READY, MARKED_NOT_READY, message, clock);
    }

    void markChannelReadyUnknown() {
        conditions = SET.markUnknown(conditions, CHANNEL_READY, NOT_MARKED_READY,
                "the channel has not marked this subscription ready yet", clock);
    }

    SubscriptionStatus toStatus(long generation) {
        return new SubscriptionStatus(generation, conditions, physical);
    }
}

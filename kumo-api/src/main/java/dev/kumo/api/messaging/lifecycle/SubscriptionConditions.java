package dev.kumo.api.messaging.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/** A Subscription's conditions (Knative's {@code subscription_lifecycle.go}; no OIDC identity in Kumo). */
public final class SubscriptionConditions {

    public static final String READY = "Ready";
    public static final String REFERENCES_RESOLVED = "ReferencesResolved";
    public static final String ADDED_TO_CHANNEL = "AddedToChannel";
    public static final String CHANNEL_READY = "ChannelReady";

    public static final ConditionSet SET = new ConditionSet(READY,
            List.of(REFERENCES_RESOLVED, ADDED_TO_CHANNEL, CHANNEL_READY));

    private SubscriptionConditions() {
    }
}

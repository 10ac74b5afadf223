package dev.kumo.api.eventing.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/**
 * A Trigger's conditions, named as in Knative's {@code trigger_lifecycle.go}; Knative's OIDCIdentityCreated is left
 * out (Kumo has no OIDC), the rest decide Ready.
 */
public final class TriggerConditions {

    public static final String READY = "Ready";
    public static final String BROKER_READY = "BrokerReady";
    public static final String SUBSCRIPTION_READY = "SubscriptionReady";
    public static final String DEPENDENCY_READY = "DependencyReady";
    public static final String SUBSCRIBER_RESOLVED = "SubscriberResolved";
    public static final String DEAD_LETTER_SINK_RESOLVED = "DeadLetterSinkResolved";

    /** Ready and the conditions it is derived from. */
    public static final ConditionSet SET = new ConditionSet(READY, List.of(BROKER_READY, SUBSCRIPTION_READY,
            DEPENDENCY_READY, SUBSCRIBER_RESOLVED, DEAD_LETTER_SINK_RESOLVED));

    private TriggerConditions() {
    }
}

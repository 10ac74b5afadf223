package dev.kumo.api.eventing.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/**
 * A Broker's conditions, named as in Knative's {@code broker_lifecycle.go}. Kumo's broker class has no channel and
 * no event policies, so its Ready derives from ingress, filter (dispatcher), address and dead-letter sink only;
 * the other names are kept for Brokers of Knative's classes.
 */
public final class BrokerConditions {

    public static final String READY = "Ready";
    public static final String INGRESS_READY = "IngressReady";
    public static final String FILTER_READY = "FilterReady";
    public static final String ADDRESSABLE = "Addressable";
    public static final String DEAD_LETTER_SINK_RESOLVED = "DeadLetterSinkResolved";
    /** MTChannelBasedBroker only: its trigger channel is addressable. */
    public static final String TRIGGER_CHANNEL_READY = "TriggerChannelReady";
    /** Knative's EventPolicy authorization; not served by Kumo. */
    public static final String EVENT_POLICIES_READY = "EventPoliciesReady";

    /** Ready and the conditions it is derived from, for Kumo's broker class. */
    public static final ConditionSet SET = new ConditionSet(READY,
            List.of(INGRESS_READY, FILTER_READY, ADDRESSABLE, DEAD_LETTER_SINK_RESOLVED));

    private BrokerConditions() {
    }
}

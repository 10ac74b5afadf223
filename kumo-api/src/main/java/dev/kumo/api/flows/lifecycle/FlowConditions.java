package dev.kumo.api.flows.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/**
 * The conditions Sequence and Parallel share (Knative's {@code sequence_lifecycle.go}, {@code parallel_lifecycle.go});
 * Kumo serves no EventPolicies, so {@code EventPoliciesReady} is not in the living set.
 */
public final class FlowConditions {

    public static final String READY = "Ready";
    public static final String CHANNELS_READY = "ChannelsReady";
    public static final String SUBSCRIPTIONS_READY = "SubscriptionsReady";
    public static final String ADDRESSABLE = "Addressable";

    public static final ConditionSet SET = new ConditionSet(READY,
            List.of(CHANNELS_READY, SUBSCRIPTIONS_READY, ADDRESSABLE));

    private FlowConditions() {
    }
}

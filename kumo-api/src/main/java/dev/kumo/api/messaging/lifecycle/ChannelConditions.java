package dev.kumo.api.messaging.lifecycle;

import dev.kumo.api.serving.lifecycle.ConditionSet;
import java.util.List;

/**
 * A Channel's conditions (Knative's {@code channel_lifecycle.go}); Kumo serves no EventPolicies, so
 * {@code EventPoliciesReady} is not in its living set.
 */
public final class ChannelConditions {

    public static final String READY = "Ready";
    public static final String BACKING_CHANNEL_READY = "BackingChannelReady";
    public static final String ADDRESSABLE = "Addressable";
    public static final String DEAD_LETTER_SINK_RESOLVED = "DeadLetterSinkResolved";

    public static final ConditionSet SET = new ConditionSet(READY,
            List.of(BACKING_CHANNEL_READY, ADDRESSABLE, DEAD_LETTER_SINK_RESOLVED));

    private ChannelConditions() {
    }
}

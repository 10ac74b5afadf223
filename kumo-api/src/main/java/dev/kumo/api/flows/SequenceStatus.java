package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import dev.kumo.api.serving.Addressable;
import java.util.List;

/** What a Sequence's reconciler observed: its Subscriptions and Channels, and its address (the first channel's). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SequenceStatus(Long observedGeneration, List<Condition> conditions,
        List<SubscriptionReadiness> subscriptionStatuses, List<ChannelReadiness> channelStatuses,
        Addressable address) {

    public static final SequenceStatus EMPTY = new SequenceStatus(null, null, null, null, null);
}

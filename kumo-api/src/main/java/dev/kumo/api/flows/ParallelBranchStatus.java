package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One branch's generated objects: its filter Subscription, its channel and its subscriber Subscription. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ParallelBranchStatus(SubscriptionReadiness filterSubscriptionStatus,
        ChannelReadiness filterChannelStatus, SubscriptionReadiness subscriberSubscriptionStatus) {
}

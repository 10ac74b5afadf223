package dev.kumo.api.flows;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;

/** One generated Subscription and its Ready condition ({@code SequenceSubscriptionStatus}, …). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionReadiness(ChildReference subscription, Condition ready) {
}

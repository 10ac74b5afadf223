package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.meta.Condition;
import java.util.List;

/** What a Subscription's reconciler observed: conditions and the resolved URIs. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionStatus(Long observedGeneration, List<Condition> conditions,
        PhysicalSubscription physicalSubscription) {

    public static final SubscriptionStatus EMPTY = new SubscriptionStatus(null, null, null);
}

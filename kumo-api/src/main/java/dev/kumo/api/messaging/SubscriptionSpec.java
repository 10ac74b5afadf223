package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.duck.KReference;

/**
 * A Subscription's desired state: the channel it reads (immutable), where its events go ({@code subscriber}), where
 * the subscriber's replies go ({@code reply}) and how they are delivered.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionSpec(KReference channel, Destination subscriber, Destination reply, DeliverySpec delivery) {
}

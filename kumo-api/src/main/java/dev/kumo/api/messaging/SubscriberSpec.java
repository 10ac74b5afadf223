package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.duck.DeliverySpec;

/**
 * One subscriber of a channel ({@code duckv1.SubscriberSpec}), written by the Subscription reconciler: the
 * Subscription's uid and generation, the resolved subscriber and reply URIs and the delivery in effect (its
 * dead-letter sink resolved to a URI).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriberSpec(String name, String uid, Long generation, String subscriberUri, String replyUri,
        DeliverySpec delivery) {
}

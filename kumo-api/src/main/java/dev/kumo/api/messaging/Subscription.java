package dev.kumo.api.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.meta.HasMetadata;
import dev.kumo.api.meta.ObjectMeta;

/** A Knative Subscription: a channel's events to a subscriber, its replies onwards. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Subscription(String apiVersion, String kind, ObjectMeta metadata, SubscriptionSpec spec,
        SubscriptionStatus status) implements HasMetadata {

    public static Subscription of(ObjectMeta metadata, SubscriptionSpec spec) {
        return new Subscription(ResourceTypes.SUBSCRIPTION.apiVersion(), ResourceTypes.SUBSCRIPTION.kind(), metadata,
                spec, null);
    }

    public Subscription withMetadata(ObjectMeta value) {
        return new Subscription(apiVersion, kind, value, spec, status);
    }

    public Subscription withSpec(SubscriptionSpec value) {
        return new Subscription(apiVersion, kind, metadata, value, status);
    }

    public Subscription withStatus(SubscriptionStatus value) {
        return new Subscription(apiVersion, kind, metadata, spec, value);
    }
}

package dev.kumo.api.messaging.defaults;

import dev.kumo.api.duck.DeliverySpec;
import dev.kumo.api.duck.Destination;
import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.ChannelSpec;
import dev.kumo.api.messaging.ChannelTemplate;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.InMemoryChannelSpec;
import dev.kumo.api.messaging.Subscription;
import dev.kumo.api.messaging.SubscriptionSpec;
import dev.kumo.api.meta.ObjectMeta;
import java.util.Optional;

/** Knative's SetDefaults for the messaging kinds, applied on create and on every update. */
public final class MessagingDefaults {

    /** The version of the subscribable duck type Kumo's channels speak. */
    public static final String SUBSCRIBABLE_V1 = "v1";

    private MessagingDefaults() {
    }

    /**
     * A Channel without a template gets the one it had (on update), else {@code defaultTemplate} (the server's
     * {@code default-ch-webhook} setting); it is annotated as subscribable v1 and its references get its namespace.
     */
    public static Channel channel(Channel value, Optional<Channel> existing, ChannelTemplate defaultTemplate) {
        ObjectMeta metadata = subscribable(value.metadata());
        ChannelSpec spec = value.spec() == null ? new ChannelSpec(null, null, null) : value.spec();
        ChannelTemplate template = spec.channelTemplate() != null ? spec.channelTemplate()
                : existing.map(Channel::spec).map(ChannelSpec::channelTemplate).orElse(defaultTemplate);
        return value.withMetadata(metadata).withSpec(new ChannelSpec(template, spec.subscribers(),
                delivery(spec.delivery(), metadata.namespace())));
    }

    /** An InMemoryChannel is annotated as subscribable v1; its dead-letter sink ref gets its namespace. */
    public static InMemoryChannel inMemoryChannel(InMemoryChannel value) {
        ObjectMeta metadata = subscribable(value.metadata());
        InMemoryChannelSpec spec = value.spec() == null ? InMemoryChannelSpec.EMPTY : value.spec();
        return value.withMetadata(metadata).withSpec(new InMemoryChannelSpec(spec.subscribers(),
                delivery(spec.delivery(), metadata.namespace())));
    }

    /** A Subscription's subscriber, reply and dead-letter refs get its namespace when they name none. */
    public static Subscription subscription(Subscription value) {
        ObjectMeta metadata = value.metadata() == null ? ObjectMeta.EMPTY : value.metadata();
        String namespace = metadata.namespace();
        SubscriptionSpec spec = value.spec() == null ? new SubscriptionSpec(null, null, null, null) : value.spec();
        return value.withMetadata(metadata).withSpec(new SubscriptionSpec(spec.channel(),
                destination(spec.subscriber(), namespace), destination(spec.reply(), namespace),
                delivery(spec.delivery(), namespace)));
    }

    /** {@code destination} with its ref in {@code namespace} when it names none; null stays null. */
    public static Destination destination(Destination destination, String namespace) {
        return destination == null ? null : destination.withDefaultNamespace(namespace);
    }

    /** {@code delivery} with its dead-letter sink's ref in {@code namespace}; null stays null. */
    public static DeliverySpec delivery(DeliverySpec delivery, String namespace) {
        return delivery == null ? null : delivery.withDefaultNamespace(namespace);
    }

    private static ObjectMeta subscribable(ObjectMeta metadata) {
        ObjectMeta meta = metadata == null ? ObjectMeta.EMPTY : metadata;
        return meta.annotationsOrEmpty().containsKey(Channel.SUBSCRIBABLE_ANNOTATION) ? meta
                : meta.withAnnotation(Channel.SUBSCRIBABLE_ANNOTATION, SUBSCRIBABLE_V1);
    }
}

package dev.kumo.controller.subscription;

import dev.kumo.api.duck.KReference;
import dev.kumo.api.kinds.ResourceTypes;
import dev.kumo.api.messaging.Channel;
import dev.kumo.api.messaging.InMemoryChannel;
import dev.kumo.api.messaging.SubscriberSpec;
import dev.kumo.controller.client.TypedStore;
import dev.kumo.controller.duck.ObjectRef;
import java.util.List;
import java.util.Optional;

/** Reads the channel a Subscription names and writes its subscriber list. */
final class SubscribableChannels {

    private final TypedStore<Channel> channels;
    private final TypedStore<InMemoryChannel> inMemoryChannels;

    SubscribableChannels(TypedStore<Channel> channels, TypedStore<InMemoryChannel> inMemoryChannels) {
        this.channels = channels;
        this.inMemoryChannels = inMemoryChannels;
    }

    /** Whether Kumo serves channels of the kind {@code ref} names. */
    static boolean served(ObjectRef ref) {
        return ref.is(ResourceTypes.CHANNEL) || ref.is(ResourceTypes.IN_MEMORY_CHANNEL);
    }

    /** The channel {@code ref} names in {@code namespace} (when the ref names none); empty when it does not exist. */
    Optional<SubscribableChannel> get(KReference ref, String namespace) {
        ObjectRef target = ObjectRef.of(ref, namespace);
        if (target.is(ResourceTypes.CHANNEL)) {
            return channels.get(target.namespace(), target.name()).map(SubscribableChannel.OfChannel::new);
        }
        if (target.is(ResourceTypes.IN_MEMORY_CHANNEL)) {
            return inMemoryChannels.get(target.namespace(), target.name())
                    .map(SubscribableChannel.OfInMemoryChannel::new);
        }
        return Optional.empty();
    }

    /** Writes {@code subscribers} into {@code channel}'s spec (a conflict throws: the reconcile is retried). */
    void setSubscribers(SubscribableChannel channel, List<SubscriberSpec> subscribers) {
        switch (channel) {
            case SubscribableChannel.OfChannel of -> channels.update(of.withSubscribers(subscribers).channel());
            case SubscribableChannel.OfInMemoryChannel of ->
                    inMemoryChannels.update(of.withSubscribers(subscribers).channel());
        }
    }
}
